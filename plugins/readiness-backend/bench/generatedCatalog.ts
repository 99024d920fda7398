import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `count` components of the RAG platform (svc-0 …), owned by the RAG team, as one catalog file in `dir`; their
 * runbook path resolves like the demo's when `dir` is inside the repository.
 */
export function generatedCatalog(dir: string, count: number): string {
  const docs = Array.from(
    { length: count },
    (_, i) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${i}
  description: Generated service ${i}
  annotations:
    readiness.io/runbooks: ../examples/runbooks/rollback.md
spec:
  type: service
  lifecycle: production
  owner: group:default/rag-team
  system: rag-platform
`,
  );
  const file = path.join(dir, 'generated.yaml');
  writeFileSync(file, docs.join('---\n'));
  return file;
}
