// Fictional places of the demonstration data set (Place.demo): said on their page and search card.
export const DEMO_PLACE_NOTICE = 'Lieu fictif de démonstration';
