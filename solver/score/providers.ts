// Whether a zone's demand supports the provider model (docs/SCORING.md,
// "Provider models"): each provider the model needs in the zone must get at least
// the hours that keep a provider healthy (report 000: local providers are healthy
// at 250-1,000 h/week). A framework zone of 300 h/week cannot keep two providers
// at 150 h/week each. Pure: a zone's hours and the settings in, plain data out.
import type { HoursPerWeek } from '../model';
import type { ProviderModelSettings } from './settings';

export interface ProviderSlot {
  role: 'lead' | 'framework' | 'principal';
  /** Weekly hours this provider would deliver. */
  hours: HoursPerWeek;
}

export interface ProviderFit {
  /** The providers the model puts in the zone and the hours each would deliver. */
  slots: ProviderSlot[];
  /** Every provider gets at least the healthy minimum. */
  viable: boolean;
  /**
   * Framework providers the zone's framework hours keep healthy (each at least the
   * minimum); for a lead provider zone, 1 or 0.
   */
  mostProviders: number;
  /** In words: "2 framework providers at 150 h/week each: under the 250 h/week a provider needs". */
  reason: string;
}

const h = (x: number) => `${Math.round(x).toLocaleString('en-GB')} h/week`;
const providers = (n: number) => `${n} framework provider${n === 1 ? '' : 's'}`;

/** How many providers the model puts in each zone. */
export function providersPerZone(pm: ProviderModelSettings): number {
  if (pm.kind === 'lead') return 1;
  if (pm.kind === 'framework') return pm.frameworkProviders;
  return 1 + pm.principalFrameworkProviders;
}

/** The least weekly hours a zone needs for every provider of the model to be healthy. */
/** What a zone must carry under the model, as difficulty weighs it: its providers and the hours that keep them healthy. */
export function providerNeed(pm: ProviderModelSettings): { providers: number; viableHoursPerProvider: HoursPerWeek; label: string } {
  const count = providersPerZone(pm);
  const label =
    pm.kind === 'lead'
      ? 'one lead provider'
      : pm.kind === 'framework'
        ? `a framework of ${count} providers`
        : `a ${Math.round(pm.principalShare * 100)}% principal${pm.principalFrameworkProviders > 0 ? ` + ${providers(pm.principalFrameworkProviders)}` : ''}`;
  return { providers: count, viableHoursPerProvider: minViableZoneHours(pm) / count, label };
}

export function minViableZoneHours(pm: ProviderModelSettings): HoursPerWeek {
  const min = pm.healthyMinHours;
  if (pm.kind === 'lead') return min;
  if (pm.kind === 'framework') return pm.frameworkProviders * min;
  const framework = pm.principalFrameworkProviders > 0 ? (pm.principalFrameworkProviders * min) / (1 - pm.principalShare) : 0;
  return Math.max(min / pm.principalShare, framework);
}

export function providerFit(hours: HoursPerWeek, pm: ProviderModelSettings): ProviderFit {
  const min = pm.healthyMinHours;
  const under = `under the ${h(min)} a provider needs`;
  if (!(hours > 0)) return { slots: [], viable: false, mostProviders: 0, reason: 'No hours: no provider can be kept' };
  if (pm.kind === 'lead') {
    const viable = hours >= min;
    return {
      slots: [{ role: 'lead', hours }],
      viable,
      mostProviders: viable ? 1 : 0,
      reason: viable ? `One lead provider for ${h(hours)}` : `Too small for a lead provider: ${h(hours)}, ${under}`,
    };
  }
  const principal = pm.kind === 'principal' ? hours * pm.principalShare : 0;
  const n = pm.kind === 'principal' ? pm.principalFrameworkProviders : pm.frameworkProviders;
  const frameworkHours = hours - principal;
  const each = n > 0 ? frameworkHours / n : 0;
  const most = Math.floor(frameworkHours / min);
  const slots: ProviderSlot[] = [
    ...(pm.kind === 'principal' ? [{ role: 'principal' as const, hours: principal }] : []),
    ...Array.from({ length: n }, () => ({ role: 'framework' as const, hours: each })),
  ];
  const principalOk = pm.kind !== 'principal' || principal >= min;
  const frameworkOk = n === 0 || each >= min;
  const frameworkWords = n > 0 ? `${providers(n)} at ${h(each)}${n > 1 ? ' each' : ''}` : 'no framework provider';
  const lead = pm.kind === 'principal' ? `Principal ${h(principal)} (${Math.round(100 * pm.principalShare)}%) + ` : '';
  let reason: string;
  if (!principalOk) reason = `Too small for a principal provider: ${h(principal)}, ${under}`;
  else if (!frameworkOk) reason = `${lead}${frameworkWords}: too small, ${under}`;
  else reason = `${lead}${frameworkWords}${each > pm.healthyMaxHours && most > n ? `; hours for up to ${most}` : ''}`;
  return { slots, viable: principalOk && frameworkOk, mostProviders: most, reason };
}

/**
 * The providers and their hours in a few words, for narrow places (a report's
 * figures column): "Principal 454 + 1 framework × 194 h/week". The reason says why.
 */
export function providerSlotsWords(fit: ProviderFit): string {
  if (fit.slots.length === 0) return 'none';
  const n = (x: number) => Math.round(x).toLocaleString('en-GB');
  const framework = fit.slots.filter((s) => s.role === 'framework');
  const first = fit.slots[0];
  const parts = [
    ...(first.role === 'framework' ? [] : [`${first.role === 'lead' ? 'Lead' : 'Principal'} ${n(first.hours)}`]),
    ...(framework.length > 0 ? [`${framework.length} framework × ${n(framework[0].hours)}`] : []),
  ];
  return `${parts.join(' + ')} h/week`;
}
