'use client';

export function PrintButton() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        document.body.classList.add('printing-fiche');
        window.print();
        document.body.classList.remove('printing-fiche');
      }}
    >
      Imprimer
    </button>
  );
}
