import { describe, expect, it } from 'vitest';
import { imageRulesOf, retaggedImage, withImage, type ImageRule } from './kustomize-images.js';
import { loadManifests } from './load-manifests.js';

const rule = (fields: Partial<ImageRule> & { name: string }): ImageRule => ({ newName: '', newTag: '', digest: '', tagSuffix: '', ...fields });

describe('kustomize images (upstream: api/internal/image, api/filters/imagetag)', () => {
  it.each([
    // IsImageMatched: a tag, a digest (any algorithm), both; another name; a name that is no regular expression
    ['nginx', rule({ name: 'nginx', newTag: '1.25' }), 'nginx:1.25'],
    ['nginx:12345', rule({ name: 'nginx', newTag: '1.25' }), 'nginx:1.25'],
    ['nginx@sha256:xyz', rule({ name: 'nginx', newTag: '1.25' }), 'nginx:1.25'],
    ['nginx:12345@sha512:xyz', rule({ name: 'nginx', newTag: '1.25' }), 'nginx:1.25'],
    ['nginx@multihash+base58:QmRZ', rule({ name: 'nginx', newName: 'mirror/nginx' }), 'mirror/nginx@multihash+base58:QmRZ'],
    ['apache:12345', rule({ name: 'nginx', newTag: '1.25' }), undefined],
    ['nginx', rule({ name: '[', newTag: '1.25' }), undefined],
    // one that backtracks exponentially in JavaScript runs in V8's linear-time engine, as Go's regexp runs it
    [`${'a'.repeat(5000)}!`, rule({ name: '(a|a)*', newTag: '1.25' }), undefined],
    ['aaaa:1.0', rule({ name: '(a|a)*', newTag: '1.25' }), 'aaaa:1.25'],
    // Split: a registry's port is not a tag
    ['localhost:5000/app:1.0', rule({ name: 'localhost:5000/app', newTag: '2.0' }), 'localhost:5000/app:2.0'],
    ['localhost:5000/app', rule({ name: 'localhost:5000/app', newName: 'registry.example.com/app' }), 'registry.example.com/app'],
    // SetImageValue: tag and digest, digest alone (drops the tag), a tag suffix
    ['app:1.0', rule({ name: 'app', newTag: '2.0', digest: 'sha256:abc' }), 'app:2.0@sha256:abc'],
    ['app:1.0', rule({ name: 'app', digest: 'sha256:abc' }), 'app@sha256:abc'],
    ['app:1.0@sha256:old', rule({ name: 'app', tagSuffix: '-debug' }), 'app:1.0-debug'],
    // the kubebuilder scaffold: controller:latest becomes the project's image
    ['controller:latest', rule({ name: 'controller', newName: 'ghcr.io/example/operator', newTag: 'v0.4.1' }), 'ghcr.io/example/operator:v0.4.1'],
  ])('%s with %o is %s', (image, imageRule, expected) => {
    expect(retaggedImage(image, imageRule)).toBe(expected);
  });

  it('rewrites every containers and initContainers list (a CronJob\'s too) and image volumes, not a CustomResourceDefinition', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: {
        initContainers: [{ name: 'init', image: 'app:1' }],
        containers: [{ name: 'main', image: 'app:1' }, { name: 'other', image: 'other:1' }],
        volumes: [{ name: 'data', image: { reference: 'app:1' } }],
      } } } } },
    };
    const sets = imageRulesOf({ images: [{ name: 'app', newTag: '2' }] });
    expect(withImage(cronJob, sets[0] as ImageRule)).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: {
        initContainers: [{ name: 'init', image: 'app:2' }],
        containers: [{ name: 'main', image: 'app:2' }, { name: 'other', image: 'other:1' }],
        volumes: [{ name: 'data', image: { reference: 'app:2' } }],
      } } } } },
    });
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { containers: [{ image: 'app:1' }] } };
    expect(withImage(crd, sets[0] as ImageRule)).toBe(crd);
  });

  it('reads a kustomization\'s images for its resources and those of the directories it includes', async () => {
    const loaded = await loadManifests(['kustomize-labels'], { cwd: 'fixtures' });
    const deployment = loaded.objects.find((object) => object.ref.kind === 'Deployment');
    expect(deployment?.value).toMatchObject({ spec: { template: { spec: { containers: [{ image: 'registry.example.com/shop:1.5.0' }] } } } });
    const job = loaded.objects.find((object) => object.ref.kind === 'Job');
    expect(job?.value).toMatchObject({ spec: { template: { spec: { containers: [{ image: 'registry.example.com/shop-migrate:1.4.2' }] } } } });
  });

  it('applies the builtin ImageTagTransformer configurations `transformers:` names: a file, and a kustomization folder of them', async () => {
    const loaded = await loadManifests(['kustomize-transformers'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.value)).toMatchObject([
      {
        spec: {
          template: {
            spec: {
              containers: [
                { image: 'registry.k8s.io/sig-storage/csi-provisioner:v5.1.0' },
                { image: 'registry.k8s.io/cloud-provider-gcp/gcp-compute-persistent-disk-csi-driver:v1.15.0' },
              ],
            },
          },
        },
      },
    ]);
    expect(loaded.findings).toEqual([]);
  });

  it('reads a folder named with a trailing slash (`../components/controller/`) as the folder', async () => {
    const loaded = await loadManifests(['kustomize-trailing-slash'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.value)).toMatchObject([
      { spec: { template: { spec: { containers: [{ image: 'registry.example.com/katib-controller:v0.19.0' }] } } } },
    ]);
  });

  it('gives a base built by several overlays what every build gives it: labels both add, not the tag only one sets', async () => {
    const loaded = await loadManifests(['kustomize-overlays'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.value)).toMatchObject([
      { metadata: { labels: { tier: 'web' } }, spec: { selector: { matchLabels: { app: 'app', tier: 'web' } }, template: { spec: { containers: [{ image: 'registry.example.com/app:latest' }] } } } },
    ]);
  });
});
