import { expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';

// upstream: pkg/apis/core/validation/validation_test.go TestValidateVolumes, "invalid HostPath backsteps"; a volume with
// errors is left out of the pod's volume names (validateVolumes), so its mounts are Not found too
it('validateHostPathVolumeSource: a pod volume\'s hostPath may not contain a .. segment', async () => {
  const { objects } = await loadManifests(['invalid-host-path-backsteps.yaml'], { cwd: 'fixtures/schema/validation' });
  const findings = validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false });
  expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([
    `14:33 api-validation: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "logs"`,
    `14:65 api-validation: spec.template.spec.containers[0].volumeMounts[1].name: Not found: "up"`,
    `17:28 api-validation: spec.template.spec.volumes[0].hostPath.path: Invalid value: "/var/log/../../etc": must not contain '..'`,
    `19:28 api-validation: spec.template.spec.volumes[1].hostPath.path: Invalid value: "../host": must not contain '..'`,
  ]);
});
