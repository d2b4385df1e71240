// Colours units by a score and hatches extra-rural units. Every unit carries its
// value for each mode as feature-state; switching mode only points fill-color at
// another key (setPaintProperty), and a plan edit rewrites the values of the moved
// units only (travel is the one value that depends on the unit's zone).
import type { ExpressionSpecification, Map as MapLibre } from 'maplibre-gl';
import { allUnits, type UnitIndex } from '../../solver/model';
import { COLOUR_MODES, useColourMode, type ColourMode } from '../state/colourMode';
import { scoreStore } from '../state/useScores';
import type { ScoreUpdate } from '../state/scoreSync';
import { colourScale, NO_DATA_COLOUR, stateKey, unitValue, type ScoreMode } from './colourScale';
import { addHatchLayer, HATCH_STATE } from './extraRuralHatch';
import { LAYERS, SOURCES } from './mapStyle';

const SCORE_MODES = COLOUR_MODES.filter((m): m is ScoreMode => m !== 'zone');

function fillColour(update: ScoreUpdate, mode: ScoreMode): ExpressionSpecification {
  const { breaks, colours } = colourScale(update.state, mode);
  const key = stateKey(mode);
  const stops = breaks.flatMap((b, i) => [b, colours[i + 1]]);
  const step = (breaks.length > 0
    ? ['step', ['number', ['feature-state', key]], colours[0], ...stops]
    : colours[0]) as ExpressionSpecification;
  return ['case', ['==', ['typeof', ['feature-state', key]], 'number'], step, NO_DATA_COLOUR];
}

function writeUnits(map: MapLibre, update: ScoreUpdate, units: Iterable<UnitIndex>, modes: readonly ScoreMode[]) {
  const { state } = update;
  for (const u of units) {
    const values: Record<string, number | boolean | null> = { [HATCH_STATE]: state.extraRural.flagged[u] === 1 };
    for (const mode of modes) values[stateKey(mode)] = unitValue(state, mode, u);
    map.setFeatureState({ source: SOURCES.units, id: u }, values);
  }
}

/** Adds the hatch layer and keeps unit scores and the fill colour in step; returns a disposer. */
export function attachScoreColouring(map: MapLibre): () => void {
  addHatchLayer(map);
  // The zone colouring set up by layers.ts, restored when the mode goes back to zones.
  const zoneColour = map.getPaintProperty(LAYERS.unitFill, 'fill-color');
  const paint = (mode: ColourMode) => {
    const update = scoreStore.getState().update;
    const colour = mode === 'zone' || !update ? zoneColour : fillColour(update, mode);
    map.setPaintProperty(LAYERS.unitFill, 'fill-color', colour);
  };
  const sync = (update: ScoreUpdate | null, previous: ScoreUpdate | null) => {
    if (!update) return;
    const all = () => allUnits(update.state.ctx.model.units.count);
    if (update.movedUnits && previous && update.state === previous.state) {
      writeUnits(map, update, update.movedUnits, ['travel']);
    } else {
      writeUnits(map, update, all(), SCORE_MODES);
      paint(useColourMode.getState().mode);
    }
  };
  sync(scoreStore.getState().update, null);
  paint(useColourMode.getState().mode);
  const offScores = scoreStore.subscribe((s, prev) => sync(s.update, prev.update));
  const offMode = useColourMode.subscribe((s, prev) => {
    if (s.mode !== prev.mode) paint(s.mode);
  });
  return () => {
    offScores();
    offMode();
  };
}
