'use client';
// The back-office navigation on a phone (issue #23): one line, a menu button (the same <details>
// disclosure as the public header, components/layout/MenuToggle.tsx, so it opens without
// JavaScript) above the links, the account and the sign-out buttons. Links move between pages
// without reloading the layout: the menu closes when the page changes, as a new page would show it.
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { enhanceMenus } from '@/components/islands/menu';
import { MenuToggle } from '@/components/layout/MenuToggle';

export function AdminMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const toggle = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (toggle.current) toggle.current.open = false;
  }, [pathname]);
  // As on the public pages (components/islands/menu.ts): Escape closes the menu and gives the focus back to its button.
  useEffect(() => enhanceMenus(document), []);
  return (
    <>
      <MenuToggle ref={toggle} label="Menu des contributeurs" controls="admin-menu" />
      <div className="menu-panel" id="admin-menu">
        {children}
      </div>
    </>
  );
}
