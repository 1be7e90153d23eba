import { describe, expect, it } from 'vitest';
import { loadManifests } from '../load/load-manifests.js';
import { checkDeprecatedApi, removedApiOf } from './deprecated-apis.js';

async function deprecations(file: string, release: string): Promise<string[]> {
  const { objects } = await loadManifests([file], { cwd: 'fixtures/schema/releases' });
  return objects
    .map((object) => checkDeprecatedApi(object, release))
    .filter((finding) => finding !== undefined)
    .map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.message}`);
}

describe('deprecated APIs', () => {
  it('knows removed versions only for the kinds they served', () => {
    expect(removedApiOf('batch/v1beta1', 'CronJob')?.replacements).toEqual(['batch/v1']);
    expect(removedApiOf('batch/v1beta1', 'Job')).toBeUndefined();
    expect(removedApiOf('apps/v1', 'Deployment')).toBeUndefined();
  });

  it('says nothing before the deprecation release, warns until the removal, then errs', async () => {
    expect(await deprecations('flowcontrol-v1beta3.yaml', '1.28')).toEqual([]);
    expect(await deprecations('flowcontrol-v1beta3.yaml', '1.29')).toEqual([
      '1:13 warning flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since Kubernetes 1.29 and removed in 1.32: use flowcontrol.apiserver.k8s.io/v1',
    ]);
    expect(await deprecations('flowcontrol-v1beta3.yaml', '1.32')).toEqual([
      '1:13 error flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32: use flowcontrol.apiserver.k8s.io/v1',
    ]);
  });

  it('never suggests an API the checked release does not serve yet', async () => {
    expect(await deprecations('flowcontrol-v1beta2.yaml', '1.28')).toEqual([
      '1:13 warning flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration is deprecated since Kubernetes 1.26 and removed in 1.29: use flowcontrol.apiserver.k8s.io/v1beta3',
    ]);
    expect(await deprecations('flowcontrol-v1beta2.yaml', '1.29')).toEqual([
      '1:13 error flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration was removed in Kubernetes 1.29: use flowcontrol.apiserver.k8s.io/v1',
    ]);
  });
});
