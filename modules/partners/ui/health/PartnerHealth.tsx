// partners' "Partner health" widget, placed in the deal page's sidebar (deals.Deal.detail.sidebar):
// the deal's partner with its tier, the total of its won deals, how many deals are open and when
// something last happened on them. Built only from the design system; every call is the signed-in
// user's, so a user who may not read partners or deals sees nothing rather than an error. The partner
// is read through the typed client `prm types` generated from this module's manifest (../generated/partners.ts).
import { FieldValue, Metrics, RecordLink, WidgetCard, formatMoney, formatValue, quote, useEntityMeta, useRecord, useRecords } from '@prm/ui';
import type { WidgetProps } from '@prm/ui';
import { Partners } from '../generated/partners';
import { wonTotal } from './health';

export default function PartnerHealth({ recordId }: WidgetProps) {
  const deals = useEntityMeta('deals.Deal');
  const partners = useEntityMeta('partners.Partner');
  const deal = useRecord(deals?.api, recordId);
  const partnerId = typeof deal.data?.partner === 'string' ? deal.data.partner : null;
  const partner = useRecord(partners && partnerId ? Partners : null, partnerId);
  const ofPartner = partnerId ? `partner eq ${quote(partnerId)}` : undefined;
  const won = useRecords(ofPartner ? deals?.api : null, { filter: `${ofPartner} and stage eq 'won'`, fields: 'id,amount', limit: 200 });
  const open = useRecords(ofPartner ? deals?.api : null, { filter: `${ofPartner} and stage nin ('won', 'lost')`, fields: 'id', limit: 1, total: 'exact' });
  const latest = useRecords(ofPartner ? deals?.api : null, { filter: ofPartner, sort: '-updated_at', fields: 'id,updated_at', limit: 1 });
  if (!deals || !partners) return null;

  const tier = partners.fields.find((f) => f.name === 'tier');
  const lastActivity = [partner.data?.updated_at, latest.data?.items[0]?.updated_at].filter(Boolean).map(String).sort().pop();
  return (
    <WidgetCard title="Partner health" loading={deal.isPending || (!!partnerId && partner.isPending)} error={deal.error ?? partner.error}
      empty={!partnerId && 'No partner on this deal'}>
      {partner.data && (
        <>
          <RecordLink urn={partner.data.urn} fallback={partner.data.name} />
          <Metrics items={[
            { label: 'Tier', value: tier ? <FieldValue field={tier} value={partner.data.tier} /> : null },
            { label: 'Won total', value: formatMoney(wonTotal(won.data?.items ?? [])) || 'None yet', loading: won.isPending },
            { label: 'Open deals', value: open.data?.total ?? open.data?.items.length, loading: open.isPending },
            { label: 'Last activity', value: lastActivity ? formatValue({ name: 'updated_at', label: '', type: 'datetime' }, lastActivity) : null,
              loading: latest.isPending },
          ]} />
        </>
      )}
    </WidgetCard>
  );
}
