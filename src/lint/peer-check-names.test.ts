import { describe, expect, it } from 'vitest';
import readOnlyRootFilesystem from '../../rules/read-only-root-filesystem.js';
import { ruleCatalog } from '../catalog.js';
import { PEER_CHECK_NAMES, peerChecksOf, peerNameHint } from './peer-check-names.js';
import { renderRuleDoc } from './rule-docs.js';

describe('peer check names', () => {
  it('maps every peer check to kubefit checks that exist (a renamed rule breaks this)', () => {
    const known = new Set(ruleCatalog().map((meta) => meta.id));
    const missing = PEER_CHECK_NAMES.flatMap((peer) => peer.ruleIds.filter((id) => !known.has(id)).map((id) => `${peer.tool} ${peer.name} -> ${id}`));
    expect(missing).toEqual([]);
  });

  it('lists every check of the three tools (kube-linter 63 built-in, kube-score 39 in README_CHECKS.md, Polaris 44 in pkg/config/checks)', () => {
    const count = (tool: string) => PEER_CHECK_NAMES.filter((peer) => peer.tool === tool).length;
    expect([count('kube-linter'), count('kube-score'), count('Polaris')]).toEqual([63, 39, 44]);
  });

  it('says when kubefit has no counterpart, with what to use instead', () => {
    expect(peerNameHint('cpuLimitsMissing')).toBe(" (Polaris's cpuLimitsMissing has no kubefit counterpart: kubefit does not ask for a cpu limit)");
    expect(peerNameHint('ssh-port')).toBe(" (kube-linter's ssh-port has no kubefit counterpart)");
  });

  it('names each peer check once per tool', () => {
    const keys = PEER_CHECK_NAMES.map((peer) => `${peer.tool} ${peer.name}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('writes scope notes as lower-case clauses without a final period', () => {
    const bad = PEER_CHECK_NAMES.filter((peer) => peer.note !== undefined && (/\.$/.test(peer.note) || peer.note === ''));
    expect(bad).toEqual([]);
  });

  it('finds the peer names of a rule and the hint for a peer name', () => {
    expect(peerChecksOf('read-only-root-filesystem').map((peer) => `${peer.tool}: ${peer.name}`)).toEqual([
      'kube-linter: no-read-only-root-fs',
      'kube-score: container-security-context-readonlyrootfilesystem',
      'Polaris: notReadOnlyRootFilesystem',
    ]);
    expect(peerNameHint('no-read-only-root-fs')).toBe(" (kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem)");
    expect(peerNameHint('pod-probes')).toBe(" (kube-score's pod-probes is kubefit's readiness-probe and liveness-probe)");
    expect(peerNameHint('no-such-check')).toBe('');
  });

  it('lists the peer names on the generated rule page', () => {
    expect(renderRuleDoc(readOnlyRootFilesystem)).toContain(
      '## In other tools\n\n- kube-linter: `no-read-only-root-fs`\n- kube-score: `container-security-context-readonlyrootfilesystem`\n- Polaris: `notReadOnlyRootFilesystem`\n',
    );
  });
});
