-- Hand-written. public.reperes_earth (20261124000100_search_indexes) was meant to be inlined into
-- the queries and index expressions that call it, but PostgreSQL inlines a STRICT SQL function
-- only when every function of its body is strict, and public.earth() (earthdistance's radius, a
-- function without arguments) is not: each call ran as a nested SQL statement, about 10 µs, once
-- per place for "Place_earth_idx" on every INSERT or UPDATE of a position (every imported place)
-- and once per candidate in the import's matching, the API and the coverage map. The body below
-- writes earth()'s value, 6378168 (metres), as a constant: the same expression once inlined
-- (identical values for every place, checked on 100,000 places; NULL for a NULL coordinate as
-- before), so "Place_earth_idx" stays valid without a rebuild and queries still match it.
CREATE OR REPLACE FUNCTION public.reperes_earth(lat double precision, lng double precision)
RETURNS public.earth
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS 'SELECT public.cube(public.cube(public.cube(6378168::float8 * cos(radians(lat)) * cos(radians(lng))), 6378168::float8 * cos(radians(lat)) * sin(radians(lng))), 6378168::float8 * sin(radians(lat)))::public.earth';
