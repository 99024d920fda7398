// An AI assistant's view of the running portal, through the official MCP TypeScript SDK client over Streamable
// HTTP (/api/mcp-actions/v1): list the readiness tools, ask what blocks rag-api (the OIDC login test), record the
// passing OIDC evidence as CI would and see the next blocker, and be refused a write without the permission (a guest).
// Runs in the smoke e2e before the README walk-through (which pushes the same fix again, idempotently in effect).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { backendUrl, ciToken } from './harness.mjs';

/** The assistant's token of the local app-config.yaml: restricted to the MCP server and what its tools call. */
export const mcpToken =
  process.env.READINESS_MCP_TOKEN ?? 'local-mcp-token-for-development-only';

/** An MCP client of the portal, authenticated with a bearer token. */
export async function connectMcp(token) {
  const client = new Client({ name: 'readiness-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backendUrl}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: `Bearer ${token}` } } },
    ),
  );
  return client;
}

/** The MCP plugin names tools by plugin and action: `readiness.get-entity-readiness`. */
const tool = action => `readiness.${action}`;

/** A tool's answer: its structured output, or an Error with the text it answered (isError). */
async function call(client, action, args) {
  const result = await client.callTool({ name: tool(action), arguments: args });
  if (result.isError) {
    const error = new Error(result.content.map(c => c.text).join('\n'));
    error.toolError = true;
    throw error;
  }
  return result.structuredContent ?? JSON.parse(result.content[0].text);
}

/** The guest's Backstage token, as the sign-in page gets it (the guest provider works in development only). */
async function guestToken() {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

const blockersOf = answer =>
  answer.tracks.find(t => t.trackId === 'rag-production-readiness').blockers;

export async function mcpSteps(step) {
  await step(
    'MCP: an assistant lists the readiness tools and asks what blocks rag-api',
    async () => {
      const client = await connectMcp(mcpToken);
      try {
        const { tools } = await client.listTools();
        const names = tools.map(t => t.name);
        for (const expected of [
          'get-entity-readiness',
          'explain-gate',
          'record-evidence',
          'get-on-call',
          'find-runbook-for-alert',
          'preview-track-change',
        ]) {
          if (!names.includes(tool(expected)))
            throw new Error(`no tool ${expected} in ${names.join(', ')}`);
        }
        const readiness = tools.find(
          t => t.name === tool('get-entity-readiness'),
        );
        if (!readiness.annotations?.readOnlyHint)
          throw new Error('get-entity-readiness is not marked read-only');
        const answer = await call(client, 'get-entity-readiness', {
          entityRef: 'rag-api',
        });
        const [first] = blockersOf(answer);
        if (answer.canShip || first?.checkId !== 'oidc-login')
          throw new Error(`what blocks rag-api: ${JSON.stringify(answer)}`);
        if (!/^OIDC login works end to end: .*failed/.test(first.why))
          throw new Error(`why: ${first.why}`);
        console.log(`    the assistant reads: ${answer.tracks[0].verdict}`);
      } finally {
        await client.close();
      }
    },
  );

  await step(
    'MCP: CI records passing OIDC evidence through the tool and the next blocker follows',
    async () => {
      const client = await connectMcp(ciToken);
      try {
        const recorded = await call(client, 'record-evidence', {
          entityRef: 'component:default/rag-api',
          type: 'evidence.tests.oidc-login',
          value: { status: 'passed', passed: 3, failed: 0 },
          url: 'https://ci.example.com/rag/rag-api/-/pipelines/1500',
          externalId: 'rag-api-1500-oidc',
        });
        if (!recorded.recorded) throw new Error(JSON.stringify(recorded));
        const answer = await call(client, 'get-entity-readiness', {
          entityRef: 'rag-api',
        });
        const blockers = blockersOf(answer).map(b => b.checkId);
        if (
          blockers.includes('oidc-login') ||
          blockers[0] !== 'backend-api-tests'
        )
          throw new Error(`next blockers: ${blockers.join(', ')}`);
      } finally {
        await client.close();
      }
    },
  );

  await step(
    'MCP: a signed-in guest may read but is refused recording evidence',
    async () => {
      const client = await connectMcp(await guestToken());
      try {
        await call(client, 'get-on-call', { entityRef: 'rag-api' });
        let refused;
        try {
          await call(client, 'record-evidence', {
            entityRef: 'rag-api',
            type: 'evidence.tests.oidc-login',
            value: { status: 'failed' },
          });
        } catch (error) {
          refused = error;
        }
        if (
          !refused?.toolError ||
          !/NotAllowedError: Not allowed: readiness\.evidence\.create/.test(
            refused.message,
          )
        )
          throw new Error(
            `not refused: ${refused?.message ?? 'it was recorded'}`,
          );
      } finally {
        await client.close();
      }
    },
  );
}
