"use client";

import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { CurrentPlan } from "@/lib/billing/access";
import type { DiscountOffer } from "@/lib/billing/checkout/discount";
import type { PlanView } from "./plan-view";
import { parsePricingSelection, type ToggleInterval } from "@/lib/billing/checkout/selection";
import { MAX_SEATS, type PaidPlanKey } from "@/lib/billing/plans";

// The pricing page's interactive state, shared by its small client parts while everything else stays
// server-rendered and static. A ?plan=&interval=&seats=&discount= in the URL (e.g. back from sign-in)
// preselects; the visitor's own choices win from then on.

type PricingState = {
  interval: ToggleInterval;
  setInterval: (interval: ToggleInterval) => void;
  /** What is typed in the seat field, and the seat count when it is valid. */
  seatsInput: string;
  seats: number | undefined;
  setSeats: (value: string) => void;
  discountCode: string;
  setDiscountCode: (code: string) => void;
  /** The checked code's offer: every card shows its price with it. */
  offer: DiscountOffer | undefined;
  setOffer: (offer: DiscountOffer | undefined) => void;
  /** The plan named in the URL. */
  selectedPlan: PaidPlanKey | undefined;
  /** Every plan on the page (a restricted code names the ones it applies to). */
  plans: readonly PlanView[];
  /** The visitor's plan, or undefined until it has loaded. */
  current: CurrentPlan | undefined;
};

const PricingContext = createContext<PricingState | null>(null);

const noSubscription = () => () => {};

export function PricingProvider({
  children,
  plans = [],
}: {
  children: React.ReactNode;
  plans?: readonly PlanView[];
}) {
  // The server prerenders without a query string; the browser's is read after hydration.
  const search = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => "",
  );
  const fromUrl = useMemo(() => parsePricingSelection(new URLSearchParams(search)), [search]);
  const [interval, setInterval] = useState<ToggleInterval>();
  const [seatsInput, setSeats] = useState<string>();
  const [discountCode, setDiscountCode] = useState<string>();
  const [current, setCurrent] = useState<CurrentPlan>();
  const [offer, setOffer] = useState<DiscountOffer>();

  useEffect(() => {
    let active = true;
    fetch("/api/billing/plan", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<CurrentPlan>) : undefined))
      .then((plan) => active && setCurrent(plan ?? { signedIn: false, plan: null, interval: null }))
      .catch(() => active && setCurrent({ signedIn: false, plan: null, interval: null }));
    return () => {
      active = false;
    };
  }, []);

  const typedSeats = seatsInput ?? String(fromUrl.seats ?? 1);
  const seatCount = Number(typedSeats);
  const value: PricingState = {
    interval: interval ?? fromUrl.interval ?? "month",
    setInterval,
    seatsInput: typedSeats,
    seats:
      typedSeats.trim() !== "" && Number.isInteger(seatCount) && seatCount >= 1 && seatCount <= MAX_SEATS
        ? seatCount
        : undefined,
    setSeats,
    discountCode: discountCode ?? fromUrl.discount ?? "",
    setDiscountCode,
    offer,
    setOffer,
    selectedPlan: fromUrl.plan,
    plans,
    current,
  };
  return <PricingContext.Provider value={value}>{children}</PricingContext.Provider>;
}

export function usePricing(): PricingState {
  const state = useContext(PricingContext);
  if (!state) throw new Error("usePricing must be used inside <PricingProvider>");
  return state;
}
