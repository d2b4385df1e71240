// Which score the map colours units by. View state only: not saved with a project.
import { create } from 'zustand';

export const COLOUR_MODES = ['zone', 'hours', 'density', 'rurality', 'travel', 'waiting', 'extraRural'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

export const useColourMode = create<{ mode: ColourMode; setMode(mode: ColourMode): void }>((set) => ({
  mode: 'zone',
  setMode: (mode) => set({ mode }),
}));
