// Phone numbers as a fiche prints them (shared by the places and the atelier sessions).

/** "+33241000000" → "02 41 00 00 00" (French numbers), other numbers as given. */
export function displayPhone(phone: string): string {
  const m = phone.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}` : phone;
}
