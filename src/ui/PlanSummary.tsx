// The plan at a glance, above the zone table: hours, cost and the extra-rural
// uplift, travel, how evenly work is spread, disruption and split towns.
import type { ReactNode } from 'react';
import { extraRuralRateWords, type PlanScore } from '../../solver/score';
import { useApp } from '../state/store';
import * as F from './scoreFormat';

function Figure({ id, label, value, detail, title, raw }: {
  id: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  title: string;
  raw?: number | null;
}) {
  return (
    <div className="figure" data-testid={`summary-${id}`} data-value={raw ?? undefined} title={title}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {detail && <div className="figure-detail">{detail}</div>}
    </div>
  );
}

export function PlanSummary({ score }: { score: PlanScore }) {
  const settings = useApp((s) => s.settings);
  const totalHours = score.assigned.hours + score.unassigned.hours;
  const { travel, hoursSpread, ruralShareSpread, disruption, townsSplit } = score;
  return (
    <div className="plan-summary" aria-label="Plan summary">
      <Figure
        id="hours"
        label="Weekly hours"
        value={F.int(totalHours)}
        detail={`${F.int(score.assigned.users + score.unassigned.users)} users${score.unassigned.units > 0 ? `, ${F.one(score.unassigned.hours)} h unassigned` : ''}`}
        title="Weekly hours of care in the county"
        raw={totalHours}
      />
      <Figure
        id="cost"
        label="Annual cost"
        value={F.poundsM(score.annualCost)}
        detail={F.pounds(score.annualCost)}
        title={`Weekly hours × each unit's hourly rate (${score.rates.categories.join(', ')}) × ${settings.weeksPerYear} weeks, zones only`}
        raw={score.annualCost}
      />
      <Figure
        id="uplift"
        label="Extra-rural uplift"
        value={F.pounds(score.extraRuralUpliftCost)}
        detail={`${F.one(score.extraRuralHours)} h/wk: ${extraRuralRateWords(score.rates.settings)}`}
        title="What the extra-rural uplift on flagged units costs a year"
        raw={score.extraRuralUpliftCost}
      />
      <Figure
        id="travel"
        label="Travel from base"
        value={`${F.km(travel.meanMetres)} · ${F.minutes(travel.meanMinutes)}`}
        detail={`${F.int(travel.hourMetres / 1000)} hour-km a week`}
        title="Mean road distance and driving time from each zone's nearest base, per hour of care; the total is hours × km"
        raw={travel.meanMinutes}
      />
      <Figure
        id="spread"
        label="Hours spread (CV)"
        value={F.two(hoursSpread?.cv)}
        detail={hoursSpread ? `${F.int(hoursSpread.min)}–${F.int(hoursSpread.max)} h per zone` : undefined}
        title="Coefficient of variation of zone hours: 0 when every zone has the same hours"
        raw={hoursSpread?.cv}
      />
      <Figure
        id="rural"
        label="Rural share"
        value={ruralShareSpread ? `${F.share(ruralShareSpread.min)}–${F.share(ruralShareSpread.max)}` : F.DASH}
        detail={`CV ${F.two(ruralShareSpread?.cv)}`}
        title="Lowest and highest share of a zone's hours in rural towns and villages"
        raw={ruralShareSpread?.range}
      />
      <Figure
        id="disruption"
        label="Disruption vs baseline"
        value={disruption ? `${F.int(disruption.users)} users` : 'no baseline'}
        detail={disruption ? `${F.int(disruption.units)} units, ${F.one(disruption.hours)} h change zone` : undefined}
        title="Users, units and weekly hours whose zone (so provider) differs from the baseline scenario"
        raw={disruption?.users}
      />
      <Figure
        id="towns"
        label="Towns split"
        value={F.int(townsSplit.length)}
        detail={townsSplit.length > 0 ? townsSplit.map((t) => t.name).join(', ') : 'every town in one zone'}
        title="Towns whose units lie in more than one zone"
        raw={townsSplit.length}
      />
    </div>
  );
}
