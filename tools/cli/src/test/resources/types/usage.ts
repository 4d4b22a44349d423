// Compiled with the generated gadgets.ts by TypesCommandTest (tsc --noEmit --strict): the generated
// types fit @prm/ui's entityClient and hooks, and they refuse what the manifest does not allow.
import { useRecord, useRecords, useTransition } from '@prm/ui';
import { Categories, Gadgets, type Category, type Gadget, type GadgetInput, type GadgetPatch } from './gadgets';

export async function calls(): Promise<string[]> {
  const page = await Gadgets.list({ filter: "status eq 'live'", limit: 10 });
  const first: Gadget | undefined = page.items[0];
  const created = await Gadgets.create({ name: 'Probe', price: { amount: 10, currency: 'EUR' }, features: ['gps'], colour: 'teal' });
  const input: GadgetInput = { name: 'Minimal' };
  const patch: GadgetPatch = { notes: null, weight: 1.5, extra: { any: ['json'] } };
  await Gadgets.update(created.id, patch, created.version);
  await Gadgets.transition(created.id, 'launch');
  await Gadgets.action(created.id, 'recalibrate', { full: true });
  const category: Category = await Categories.get('c1');
  await Categories.remove(category.id);
  // @ts-expect-error a gadget has no such transition
  await Gadgets.transition(created.id, 'explode');
  // @ts-expect-error Category has no workflow
  await Categories.transition(category.id, 'launch');
  // @ts-expect-error name is required on create
  await Gadgets.create({ notes: 'no name' });
  // @ts-expect-error not a code of gadget_status (a closed dictionary)
  const status: Gadget['status'] = 'broken';
  // @ts-expect-error a formula field is read-only
  created.double_weight = 3;
  // @ts-expect-error EUR or USD only
  const price: Gadget['price'] = { amount: 1, currency: 'GBP' };
  // @ts-expect-error the workflow state changes through transitions, not patches
  const moved: GadgetPatch = { status: 'live' };
  return [first?.public_id ?? '', created.urn, input.name, status, String(price), String(moved), String(created.parent)];
}

export function useGadgetHooks(id: string): string {
  const one = useRecord(Gadgets, id);
  const many = useRecords(Gadgets, { sort: '-updated_at' });
  const untyped = useRecord('/api/v1/gadgets/gadget', id);
  const move = useTransition(Gadgets);
  // @ts-expect-error not a transition of Gadget
  move.mutate({ id, transition: 'explode' });
  move.mutate({ id, transition: 'retire' });
  const name: string | undefined = one.data?.name;
  const count: number | undefined = many.data?.items[0]?.count;
  return `${name}${count}${String(untyped.data?.anything)}`;
}
