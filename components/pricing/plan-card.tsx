import { FeatureList } from "./feature-list";
import { PlanAction } from "./plan-action";
import { PlanCardFrame } from "./plan-card-frame";
import { PlanPrice } from "./plan-price";
import type { PlanView } from "./plan-view";
import { SeatSelector } from "./seat-selector";

// Each card spans six rows of the page's grid (header, description, price, seats, button, features) as a
// subgrid, so prices and buttons line up across cards even though only Team has a seat selector.
export function PlanCard({ plan }: { plan: PlanView }) {
  return (
    <PlanCardFrame
      planKey={plan.key}
      name={plan.name}
      highlighted={plan.highlighted}
      className="row-span-6 grid grid-rows-subgrid gap-y-0"
    >
      <p className="mt-2 text-sm text-zinc-600">{plan.description}</p>
      <div className="mt-6">
        <PlanPrice plan={plan} />
      </div>
      <div>
        {plan.perSeat && (
          <div className="mt-6">
            <SeatSelector plan={plan} />
          </div>
        )}
      </div>
      <div className="mt-6">
        <PlanAction plan={plan} />
      </div>
      <FeatureList features={plan.features} className="mt-8 border-t border-zinc-100 pt-6" />
    </PlanCardFrame>
  );
}

/** The one-time deal, laid out wide beside the subscriptions. */
export function LifetimeCard({ plan }: { plan: PlanView }) {
  return (
    <PlanCardFrame
      planKey={plan.key}
      name={plan.name}
      highlighted={false}
      className="grid gap-x-12 bg-gradient-to-br from-zinc-50 to-white md:grid-cols-[1fr_18rem]"
    >
      <p className="mt-2 max-w-xl text-sm text-zinc-600 md:col-start-1">{plan.description}</p>
      <FeatureList features={plan.features} className="mt-6 sm:grid sm:grid-cols-2 md:col-start-1" />
      <div className="mt-8 flex flex-col gap-5 md:col-start-2 md:row-span-3 md:row-start-1 md:mt-0 md:self-center">
        <PlanPrice plan={plan} />
        <PlanAction plan={plan} />
      </div>
    </PlanCardFrame>
  );
}
