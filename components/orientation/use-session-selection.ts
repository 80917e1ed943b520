'use client';
import { useSyncExternalStore } from 'react';
import { getSessionSelection, subscribe, type SelectedSession } from './selection-store';

const EMPTY: SelectedSession[] = [];

/** The chosen atelier sessions, kept in step across components and tabs; empty during server rendering. */
export function useSessionSelection(): SelectedSession[] {
  return useSyncExternalStore(subscribe, getSessionSelection, () => EMPTY);
}
