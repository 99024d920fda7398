#!/usr/bin/env node
/*
 * readiness-gate: a CI promotion gate. Asks the Readiness backend whether an entity passes a gate.
 *
 *   readiness-gate --entity component:default/rag-api --track rag-production-readiness --gate deployment-prepared
 *
 * Environment: READINESS_BASE_URL (the Backstage backend, e.g. https://portal.example.com) and READINESS_TOKEN
 * (a static token from backend.auth.externalAccess). Exit code: 0 passed, 1 not passed, 2 error.
 */
'use strict';

const USAGE =
  'usage: readiness-gate --entity <kind:namespace/name> --track <trackId> --gate <gateId>\n' +
  '       env READINESS_BASE_URL (e.g. http://localhost:7007), READINESS_TOKEN';

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const match = /^--(entity|track|gate)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument '${arg}'`);
    const value = match[2] !== undefined ? match[2] : argv[++i];
    if (!value) throw new Error(`--${match[1]} needs a value`);
    args[match[1]] = value;
  }
  for (const key of ['entity', 'track', 'gate']) {
    if (!args[key]) throw new Error(`--${key} is required`);
  }
  return args;
}

function parseEntityRef(ref) {
  const match = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(ref);
  if (!match)
    throw new Error(
      `--entity '${ref}' is not an entity ref like component:default/rag-api`,
    );
  return { kind: match[1], namespace: match[2] || 'default', name: match[3] };
}

function describe(gate, trackId) {
  const lines = [];
  const passed = gate.status === 'passed';
  lines.push(
    `${passed ? 'PASSED' : 'NOT PASSED'}: gate '${
      gate.gateId
    }' of track '${trackId}' is ${gate.status}`,
  );
  // A gate scoped to an environment the system does not have (yet) says so once, instead of per check.
  if (gate.status === 'not-applicable' && gate.message)
    lines.push(gate.message);
  if (gate.blockedBy && gate.blockedBy.length > 0) {
    lines.push(`Blocked by gate(s): ${gate.blockedBy.join(', ')}`);
  }
  if (gate.rootCauses && gate.rootCauses.length > 0) {
    lines.push('Root causes:');
    for (const cause of gate.rootCauses) {
      lines.push(
        `  - [${cause.status}] ${cause.gateId}/${cause.checkId}: ${cause.message}`,
      );
    }
  }
  const own = (gate.checks || []).filter(
    c => !['pass', 'waived', 'blocked', 'not-applicable'].includes(c.status),
  );
  if (own.length > 0) {
    lines.push('Checks of this gate not passing:');
    for (const check of own)
      lines.push(`  - [${check.status}] ${check.checkId}: ${check.message}`);
  }
  return { passed, text: lines.join('\n') };
}

async function main(argv, env, out) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    out.error(`readiness-gate: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out.log(USAGE);
    return 0;
  }
  const baseUrl = env.READINESS_BASE_URL;
  if (!baseUrl) {
    out.error(`readiness-gate: READINESS_BASE_URL is not set\n${USAGE}`);
    return 2;
  }
  let ref;
  try {
    ref = parseEntityRef(args.entity);
  } catch (error) {
    out.error(`readiness-gate: ${error.message}`);
    return 2;
  }
  const path = [ref.kind, ref.namespace, ref.name, args.track, args.gate]
    .map(encodeURIComponent)
    .join('/');
  const url = `${baseUrl.replace(/\/+$/, '')}/api/readiness/gates/${path}`;
  let response;
  try {
    response = await fetch(url, {
      headers: env.READINESS_TOKEN
        ? { Authorization: `Bearer ${env.READINESS_TOKEN}` }
        : {},
    });
  } catch (error) {
    out.error(
      `readiness-gate: cannot reach ${url}: ${
        error.cause ? error.cause.message : error.message
      }`,
    );
    return 2;
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = JSON.parse(text).error.message;
    } catch {
      // not a Backstage error body; show it as it is
    }
    out.error(`readiness-gate: ${response.status} from ${url}: ${message}`);
    return 2;
  }
  const body = JSON.parse(text);
  const { passed, text: report } = describe(body.gate, args.track);
  out.log(`${body.entityRef}\n${report}`);
  return passed ? 0 : 1;
}

module.exports = { main, parseArgs, describe };

if (require.main === module) {
  const out = {
    log: text => process.stdout.write(`${text}\n`),
    error: text => process.stderr.write(`${text}\n`),
  };
  // exitCode rather than exit(): lets a piped stdout drain before the process ends.
  main(process.argv.slice(2), process.env, out).then(
    code => {
      process.exitCode = code;
    },
    error => {
      out.error(`readiness-gate: ${error.stack || error}`);
      process.exitCode = 2;
    },
  );
}
