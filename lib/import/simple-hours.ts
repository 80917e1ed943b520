// A fast path for the opening hours importers write most: plain weekly rules such as
// "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off". The `opening_hours` library takes a few
// milliseconds to read each distinct value, which dominates the import of files whose every row
// has its own hours (the France Services list has 1,855); these are read directly, with the
// library's meaning (a later rule replaces an earlier one for its days). Anything else goes to the
// library. The reader lives in lib/hours/plain.ts, which also evaluates such hours for the pages.
export { isSimpleHours, simpleWeeklySlots } from '../hours/plain';
