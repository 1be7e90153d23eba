import { describe, expect, it } from 'vitest';
import { annotationSetsOf, labelSetsOf, withPairs } from './kustomize-labels.js';
import { loadManifests } from './load-manifests.js';
import { validateObjects } from '../schema/validate.js';

const common = labelSetsOf({ commonLabels: { app: 'shop' } });

describe('kustomize label transformers (builtinpluginconsts field specs)', () => {
  it.each([
    ['a Deployment gets a selector, template labels and labels', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: {} } } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { app: 'shop' } }, spec: { template: { spec: {}, metadata: { labels: { app: 'shop' } } }, selector: { matchLabels: { app: 'shop' } } } }],
    ['a Service gets a selector', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { app: 'shop' } }, spec: { ports: [], selector: { app: 'shop' } } }],
    ['a Job gets template labels but no selector (create: false)', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: {} } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', labels: { app: 'shop' } }, spec: { template: { metadata: { labels: { app: 'shop' } } } } }],
    ['a PodDisruptionBudget\'s existing selector is extended, a missing one not made', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', labels: { tier: 'web' } }, spec: { selector: { matchLabels: { tier: 'web' } } } },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', labels: { tier: 'web', app: 'shop' } }, spec: { selector: { matchLabels: { tier: 'web', app: 'shop' } } } }],
    ['a NetworkPolicy\'s peers in lists are each extended', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { a: 'b' } } }, { namespaceSelector: {} }] }] } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n', labels: { app: 'shop' } }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { a: 'b', app: 'shop' } } }, { namespaceSelector: {} }] }] } }],
    ['a StatefulSet\'s volume claim templates get labels', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } } }, volumeClaimTemplates: [{ metadata: { name: 'data' } }] } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's', labels: { app: 'shop' } }, spec: { selector: { matchLabels: { app: 'shop' } }, template: { metadata: { labels: { app: 'shop' } } }, volumeClaimTemplates: [{ metadata: { name: 'data', labels: { app: 'shop' } } }] } }],
    ['a StatefulSet of another group is not one kustomize knows', { apiVersion: 'example.com/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: {} },
      { apiVersion: 'example.com/v1', kind: 'StatefulSet', metadata: { name: 's', labels: { app: 'shop' } }, spec: {} }],
  ])('%s', (_name, value, expected) => {
    expect(withPairs(value, common)).toEqual(expected);
  });

  it('puts commonAnnotations on metadata and pod templates, a StatefulSet of any group included (unlike commonLabels)', () => {
    const annotations = annotationSetsOf({ commonAnnotations: { team: 'shop' } });
    expect(withPairs({ apiVersion: 'example.com/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { template: {} } }, annotations)).toEqual(
      { apiVersion: 'example.com/v1', kind: 'StatefulSet', metadata: { name: 's', annotations: { team: 'shop' } }, spec: { template: { metadata: { annotations: { team: 'shop' } } } } },
    );
    expect(withPairs({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} }, annotations)).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { team: 'shop' } }, spec: {} });
  });

  it('leaves an object that already carries the labels as it is (the same value)', () => {
    const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { app: 'shop' } } };
    expect(withPairs(value, common)).toBe(value);
  });

  it('reads labels entries: metadata only by default, templates or selectors when asked, custom fields, then commonLabels last', () => {
    const sets = labelSetsOf({
      commonLabels: { app: 'shop' },
      labels: [
        { pairs: { team: 'payments' } },
        { pairs: { tier: 'web' }, includeTemplates: true },
        { pairs: { env: 'prod' }, includeSelectors: true },
        { pairs: { owner: 'me' }, fields: [{ path: 'spec/extra/labels', kind: 'Deployment', create: true }] },
      ],
    });
    expect(sets.map((set) => set.pairs)).toEqual([{ team: 'payments' }, { tier: 'web' }, { env: 'prod' }, { owner: 'me' }, { app: 'shop' }]);
    const deployment = withPairs({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: {} } }, sets);
    expect(deployment).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: { team: 'payments', tier: 'web', env: 'prod', owner: 'me', app: 'shop' } },
      spec: { template: { metadata: { labels: { tier: 'web', env: 'prod', app: 'shop' } } }, selector: { matchLabels: { env: 'prod', app: 'shop' } }, extra: { labels: { owner: 'me' } } },
    });
  });

  it('reads the resources of kustomizations as kustomize build writes them, through the overlays that include their directory', async () => {
    const loaded = await loadManifests(['kustomize-labels'], { cwd: 'fixtures' });
    const service = loaded.objects.find((object) => object.ref.kind === 'Service');
    expect(service?.value).toMatchObject({ spec: { selector: { app: 'shop', env: 'prod' } } });
    const deployment = loaded.objects.find((object) => object.ref.kind === 'Deployment');
    expect(deployment?.value).toMatchObject({ metadata: { labels: { app: 'shop', env: 'prod', team: 'payments' } }, spec: { selector: { matchLabels: { app: 'shop', env: 'prod' } }, template: { metadata: { labels: { app: 'shop', env: 'prod' } } } } });
    // positions stay the text's: a label kustomize adds points at its nearest ancestor in the file
    expect(deployment?.rangeOf(['spec', 'selector', 'matchLabels']).line).toBe(6);
    expect(validateObjects(loaded.objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false }, loaded.patches)).toEqual([]);
  });
});
