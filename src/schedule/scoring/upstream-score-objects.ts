// Objects of upstream's score test tables, shared by the tests that run a table against the plugin alone and through
// the scheduler's scoring (image_locality_test.go's nodes, node_affinity_test.go's labels and affinities).

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
