// Test support for code built on @prm/ui: sample metadata, and a fake API at the HTTP boundary.
export { f, field, partner } from './fixtures';
export { fakeApi } from './fakeApi';
export type { FakeApi, FakeRequest } from './fakeApi';
export { renderWithShell, sampleUi } from './render';
