'use client';
import { useSyncExternalStore } from 'react';
import { getSelection, subscribe, type SelectedPlace } from './selection-store';

const EMPTY: SelectedPlace[] = [];

/** The selection, kept in step across components and tabs; empty during server rendering. */
export function useSelection(): SelectedPlace[] {
  return useSyncExternalStore(subscribe, getSelection, () => EMPTY);
}
