// A module version's certification as the module list shows it: what `prm certify` attested and the
// engine verified on publish (docs/publishing.md#certification), or that there is none.
import { Badge, Tooltip } from '@mantine/core';
import type { Certification } from './api';

/** The badge's words and colour, and the details its tooltip gives. */
export function certificationSummary(certification: Certification | null | undefined) {
  if (!certification) {
    return { label: 'not certified', color: 'gray', details: 'No certificate was attached when this version was published.' };
  }
  const checks = `${certification.checksPassed}/${certification.checksTotal} checks passed`;
  const details = [
    `${checks}${certification.signed ? ', signed' : ', unsigned'}`,
    `by ${certification.toolVersion} on ${certification.certifiedAt}`,
    `manifest sha256 ${certification.manifestChecksum.slice(0, 12)}`,
  ].join('; ');
  return { label: `certified · ${checks}`, color: certification.signed ? 'teal' : 'blue', details };
}

export function CertificationBadge({ certification }: { certification: Certification | null | undefined }) {
  const summary = certificationSummary(certification);
  return (
    <Tooltip label={summary.details} multiline w={320}>
      <Badge size="sm" variant="light" color={summary.color} title={summary.details}>{summary.label}</Badge>
    </Tooltip>
  );
}
