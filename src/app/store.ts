// App state. Painting and scoring will write the plan here; the map subscribes
// and updates feature-state imperatively, so React never re-renders the map.
import { create } from 'zustand';
import type { Project } from '../model/project';
import { assignZoneColours, zoneNeighbours } from '../map/palette';

export interface Hover {
  unit: number;
  x: number;
  y: number;
}

interface AppState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  project?: Project;
  zoneColours: string[];
  hover: Hover | null;
  setProject(project: Project): void;
  setError(message: string): void;
  setHover(hover: Hover | null): void;
}

export const useApp = create<AppState>((set) => ({
  status: 'loading',
  zoneColours: [],
  hover: null,
  setProject: (project) => {
    const { model, plan } = project;
    const neighbours = zoneNeighbours(model.units.adjacency, plan, model.zones.length);
    const zoneColours = assignZoneColours(
      neighbours,
      model.zones.map((z) => z.colour),
    );
    set({ status: 'ready', project, zoneColours, error: undefined });
  },
  setError: (message) => set({ status: 'error', error: message }),
  setHover: (hover) => set({ hover }),
}));
