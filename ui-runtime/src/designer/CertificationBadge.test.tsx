import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Certification } from './api';
import { CertificationBadge, certificationSummary } from './CertificationBadge';

const certified: Certification = {
  passed: true,
  signed: true,
  manifestChecksum: 'fb7dc24aecc9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
  toolVersion: 'prm 0.1.0',
  certifiedAt: '2026-12-05T12:00:00Z',
  checksPassed: 8,
  checksTotal: 9,
  checks: { manifest: 'PASS', api: 'SKIP' },
  recordedBy: 'operator',
};

describe('certification in the module list', () => {
  it('shows the checks passed, the tool version and the manifest checksum of a certified version', () => {
    expect(certificationSummary(certified)).toEqual({
      label: 'certified · 8/9 checks passed',
      color: 'teal',
      details: '8/9 checks passed, signed; by prm 0.1.0 on 2026-12-05T12:00:00Z; manifest sha256 fb7dc24aecc9',
    });
    expect(certificationSummary({ ...certified, signed: false }).color).toBe('blue');
  });

  it('says when a version was published without a certificate', () => {
    expect(certificationSummary(null).label).toBe('not certified');
    expect(certificationSummary(undefined).color).toBe('gray');
  });

  it('renders the badge with its details', () => {
    const html = renderToStaticMarkup(<MantineProvider><CertificationBadge certification={certified} /></MantineProvider>);
    expect(html).toContain('certified · 8/9 checks passed');
    expect(html).toContain('title="8/9 checks passed, signed; by prm 0.1.0 on 2026-12-05T12:00:00Z; manifest sha256 fb7dc24aecc9"');
  });
});
