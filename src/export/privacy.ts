// The privacy minimum in exports: a figure about a unit's people (its users,
// hours, density, people waiting) is withheld when the unit has fewer service
// users than settings.privacyMinimumUsers, so no file says how much care one or
// two identifiable households get. Withheld, not merged: a unit's zone, rurality
// and distance stay, and zone figures (always many people) are unchanged.
// Postcode counts are withheld below the minimum too: without a full postcode
// lookup they count service users' postcodes.
import type { UnitIndex } from '../../solver/model';
import type { ExtraRuralFlag } from '../../solver/score';
import type { ExportData } from './exportData';

/** What the rule needs: the people per unit and the minimum. */
type Figures = Pick<ExportData, 'model' | 'settings'>;

/** True when the unit's figures about people may be shown. */
export const unitFiguresShown = (data: Figures, u: UnitIndex): boolean => data.model.demand.users[u] >= data.settings.privacyMinimumUsers;

/** What a withheld figure says instead, e.g. "withheld (fewer than 5 users)". */
export const withheldText = (data: Figures): string => `withheld (fewer than ${data.settings.privacyMinimumUsers} users)`;

/**
 * A flag's reasons as a file may show them: for a unit below the minimum only
 * those about the place (rurality, distance to a base), then `note`.
 */
export function shownReasons(data: Figures, f: ExtraRuralFlag, note = `figures about its people ${withheldText(data)}`): string[] {
  if (!unitFiguresShown(data, f.unit)) return [...f.reasons.slice(0, PLACE_REASONS), note];
  // A unit with enough users can still have one or two people waiting: that count is withheld too.
  const min = data.settings.privacyMinimumUsers;
  const waiting = data.model.demand.waitingUsers[f.unit];
  return waiting > 0 && waiting < min ? f.reasons.map((r, i) => (i === WAITING_REASON ? `fewer than ${min} people waiting` : r)) : f.reasons;
}

/** reasonsFor (solver/score/extraRural.ts) lists the place first (rurality, then distance to the nearest base), then travel, density, and people waiting last. */
const PLACE_REASONS = 2;
const WAITING_REASON = 4;

/** A count as a file may show it: null below the minimum (zero is shown: it is about no one). */
export const shownCount = (data: Figures, n: number): number | null => (n > 0 && n < data.settings.privacyMinimumUsers ? null : n);
