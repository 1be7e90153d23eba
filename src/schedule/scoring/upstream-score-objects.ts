// Objects of upstream's score test tables, shared by the tests that run a table against the plugin alone and through
// the scheduler's scoring (image_locality_test.go's nodes and cases, node_affinity_test.go's labels and affinities).

export const MB = 1024 * 1024;

/** node.status.images: each image's names and its size in MB. */
export type Images = readonly (readonly [readonly string[], number])[];

export const node403002000: Images = [[['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], 40], [['gcr.io/300:latest', 'gcr.io/300:v1'], 300], [['gcr.io/2000:latest'], 2000]];
export const node25010: Images = [[['gcr.io/250:latest'], 250], [['gcr.io/10:latest', 'gcr.io/10:v1'], 10]];
export const node60040900: Images = [[['gcr.io/600:latest'], 600], [['gcr.io/40:latest'], 40], [['gcr.io/900:latest'], 900]];
export const node300600900: Images = [[['gcr.io/300:latest'], 300], [['gcr.io/600:latest'], 600], [['gcr.io/900:latest'], 900]];
export const node400030: Images = [[['gcr.io/4000:latest'], 4000], [['gcr.io/30:latest'], 30]];
export const node203040: Images = [[['gcr.io/20:latest'], 20], [['gcr.io/30:latest'], 30], [['gcr.io/40:latest'], 40]];
export const nodeWithNoImages: Images = [];

/** A case: the pod's container and init container images, the nodes' images, the scores per node in order. */
export type ImageLocalityCase = readonly [name: string, images: readonly string[], nodes: readonly Images[], initImages: readonly string[], want: readonly number[]];

// upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority
export const IMAGE_LOCALITY_PRIORITY: readonly ImageLocalityCase[] = [
  ['two images spread on two nodes, prefer the larger image one', ['gcr.io/40', 'gcr.io/250'], [node403002000, node25010], [], [0, 5]],
  ['two images on one node, prefer this node', ['gcr.io/40', 'gcr.io/300'], [node403002000, node25010], [], [7, 0]],
  ['if exceed limit, use limit', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010], [], [100, 0]],
  ['if exceed limit, use limit (with node which has no images present)', ['gcr.io/10', 'gcr.io/4000'], [node400030, node25010, nodeWithNoImages], [], [66, 0, 0]],
  ['pod with multiple large images, node2 is preferred', ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'], [node60040900, node300600900, nodeWithNoImages], [], [32, 36, 0]],
  ['pod with multiple small images', ['gcr.io/30', 'gcr.io/40'], [node203040, node400030], [], [1, 0]],
  ['include InitContainers: two images spread on two nodes, prefer the larger image one', ['gcr.io/30'], [node403002000, node203040], ['gcr.io/300'], [6, 0]],
];

const imageStatus1: Images = [[['gcr.io/40:latest', 'gcr.io/40:v1'], 80], [['gcr.io/300:latest', 'gcr.io/300:v1'], 300]];
const imageStatus2: Images = [[['gcr.io/300:latest'], 300], [['gcr.io/40:latest', 'gcr.io/40:v1'], 80]];
const imageStatus3: Images = [[['gcr.io/600:latest'], 600], [['gcr.io/40:latest'], 80], [['gcr.io/900:latest'], 900]];

// upstream: pkg/scheduler/schedule_one_test.go Test_prioritizeNodes, the two ImageLocality cases
export const PRIORITIZE_NODES_IMAGE_LOCALITY: readonly ImageLocalityCase[] = [
  ['the score from Image Locality plugin with image in all nodes', ['gcr.io/40'], [imageStatus1, imageStatus2, imageStatus3], [], [5, 5, 5]],
  ['the score from Image Locality plugin with image in partial nodes', ['gcr.io/300'], [imageStatus1, imageStatus2, imageStatus3], [], [18, 18, 0]],
];

export const label1 = { foo: 'bar' };
export const label2 = { key: 'value' };
export const label3 = { az: 'az1' };
export const label4 = { abc: 'az11', def: 'az22' };
export const label5 = { foo: 'bar', key: 'value', az: 'az1' };
export const inTerm = (key: string, value: string) => ({ key, operator: 'In', values: [value] });

/** A NodeAffinity with these weighted preferred terms. */
export const preferredTerms = (...terms: (readonly [number, readonly ReturnType<typeof inTerm>[]])[]) => ({
  preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, matchExpressions]) => ({ weight, preference: { matchExpressions } })),
});
export const nodeAffinity1 = preferredTerms([2, [inTerm('foo', 'bar')]]);
export const nodeAffinity2 = preferredTerms([2, [inTerm('foo', 'bar')]], [4, [inTerm('key', 'value')]], [5, [inTerm('foo', 'bar'), inTerm('key', 'value'), inTerm('az', 'az1')]]);
