// The pictograms of the easy-to-read pages: simple line drawings, always beside the words they
// illustrate, hidden from screen readers (aria-hidden) since the words say it all.
import type { NeedPictogram } from '@/lib/facile/words';

export type PictogramName = NeedPictogram | 'pin' | 'clock' | 'phone' | 'route' | 'euro' | 'help' | 'search' | 'all';

const DRAWINGS: Record<PictogramName, React.ReactNode> = {
  papers: (
    <>
      <path d="M12 4h18l8 8v32H12z" />
      <path d="M30 4v8h8M18 22h14M18 29h14M18 36h9" />
    </>
  ),
  device: (
    <>
      <rect x="4" y="8" width="28" height="20" rx="2" />
      <path d="M2 34h32" />
      <rect x="34" y="18" width="12" height="24" rx="2" />
      <path d="M39 38h2" />
    </>
  ),
  printer: (
    <>
      <path d="M14 18V6h20v12" />
      <rect x="6" y="18" width="36" height="16" rx="2" />
      <path d="M14 28h20v14H14z" />
    </>
  ),
  job: (
    <>
      <rect x="5" y="14" width="38" height="26" rx="3" />
      <path d="M17 14V9h14v5M5 25h38" />
    </>
  ),
  shield: (
    <>
      <path d="M24 4 40 10v12c0 11-7 18-16 22C15 40 8 33 8 22V10z" />
      <path d="m17 24 5 5 9-10" />
    </>
  ),
  family: (
    <>
      <circle cx="16" cy="12" r="5" />
      <path d="M7 40V28a9 9 0 0 1 18 0v12" />
      <circle cx="34" cy="22" r="4" />
      <path d="M28 40v-8a6 6 0 0 1 12 0v8" />
    </>
  ),
  computer: (
    <>
      <rect x="6" y="8" width="36" height="24" rx="2" />
      <path d="M18 40h12M24 32v8" />
      <path d="M28 14a6 6 0 1 0 0 12M18 18h10M18 22h10" />
    </>
  ),
  idea: (
    <>
      <path d="M24 6a12 12 0 0 0-7 22v6h14v-6a12 12 0 0 0-7-22z" />
      <path d="M18 40h12M20 45h8" />
    </>
  ),
  camera: (
    <>
      <path d="M5 16h9l4-6h12l4 6h9v24H5z" />
      <circle cx="24" cy="27" r="7" />
    </>
  ),
  pin: (
    <>
      <path d="M24 44S10 30 10 19a14 14 0 0 1 28 0c0 11-14 25-14 25z" />
      <circle cx="24" cy="19" r="5" />
    </>
  ),
  clock: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 13v11l8 5" />
    </>
  ),
  phone: <path d="M14 6 8 8c-2 12 8 30 24 34l6-6-8-7-5 4c-5-3-9-7-11-12l4-5z" />,
  route: (
    <>
      <circle cx="12" cy="38" r="4" />
      <circle cx="36" cy="10" r="4" />
      <path d="M16 38h14a6 6 0 0 0 0-12H18a6 6 0 0 1 0-12h14" />
    </>
  ),
  euro: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M30 16a9 9 0 1 0 0 16M13 21h14M13 27h14" />
    </>
  ),
  help: (
    <>
      <circle cx="24" cy="24" r="18" />
      <path d="M18 19a6 6 0 1 1 8 6c-2 1-2 2-2 5M24 35v1" />
    </>
  ),
  search: (
    <>
      <circle cx="20" cy="20" r="12" />
      <path d="m29 29 13 13" />
    </>
  ),
  all: (
    <>
      <rect x="6" y="6" width="15" height="15" rx="2" />
      <rect x="27" y="6" width="15" height="15" rx="2" />
      <rect x="6" y="27" width="15" height="15" rx="2" />
      <rect x="27" y="27" width="15" height="15" rx="2" />
    </>
  ),
};

export function Pictogram({ name, size = 40 }: { name: PictogramName; size?: number }) {
  return (
    <svg
      className="facile-picto"
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {DRAWINGS[name]}
    </svg>
  );
}
