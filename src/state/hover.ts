// The unit under the pointer, in its own small store: it changes on every mouse
// move, and only the tooltip reads it, so nothing else re-renders.
import { create } from 'zustand';
import type { UnitIndex } from '../../solver/model';

export interface Hover {
  unit: UnitIndex;
  x: number;
  y: number;
}

export const useHover = create<{ hover: Hover | null; setHover(hover: Hover | null): void }>((set) => ({
  hover: null,
  setHover: (hover) => set({ hover }),
}));
