// The won total of a partner's deals: amounts summed per currency, the largest currency shown
// (deals of one partner are almost always in one currency; mixed totals say so).
export function wonTotal(deals: Array<Record<string, unknown>>): { amount: number; currency: string } | null {
  const byCurrency = new Map<string, number>();
  for (const deal of deals) {
    const money = deal.amount as { amount?: number | string; currency?: string } | null | undefined;
    if (!money || money.amount === undefined || money.amount === null || !money.currency) continue;
    byCurrency.set(money.currency, (byCurrency.get(money.currency) ?? 0) + Number(money.amount));
  }
  const top = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0];
  return top ? { amount: Math.round(top[1] * 100) / 100, currency: top[0] } : null;
}
