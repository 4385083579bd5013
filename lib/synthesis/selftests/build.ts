import { diffState, getAtPointer, type JsonValue, type SelfTest } from "@/lib/runtime";
import { collectionName } from "../spec/names";
import type { Action, DomainSpec } from "../spec/schema";
import { seededKeys } from "../spec/seed-plan";
import type { RecordValue, Value } from "../oracle/evaluate";
import { Oracle, type Args, type StateValue } from "../oracle/interpret";
import { inputCandidates, jointCandidates } from "./candidates";
import { explore, TELLING, type Example } from "./search";

/** Something the self-test search found wrong with the spec (the package is still written). */
export interface SynthesisWarning {
  code: "UNREACHABLE_ERROR" | "NO_SUCCESS" | "BROKEN_CALL";
  tool: string;
  message: string;
}

export interface SelfTestPlan {
  tests: SelfTest[];
  warnings: SynthesisWarning[];
}

interface Setup {
  action: Action;
  args: Args;
  state: StateValue;
}

const FIRST_BUDGET = 600;
const SETUP_BUDGET = 200;
const MAX_SETUPS = 24;

const isQuery = (action: Action) => action.kind === "list" || action.kind === "search";
const mutates = (action: Action) => !isQuery(action) && action.kind !== "get";

/**
 * Self-tests for a spec, from the seeded state the environment starts in: each tool's success
 * path and each declared error (reached directly, or after one setup call), each predicted by
 * the spec oracle. Also checks that created records can be read back and that the spec's
 * hand-written seed records are present.
 */
export function buildSelfTests(spec: DomainSpec, initial: StateValue, seed = 0): SelfTestPlan {
  const oracle = new Oracle(spec);
  const warnings: SynthesisWarning[] = [];
  const found = new Map<string, Map<string, Example>>();
  const setupOf = new Map<string, Map<string, Setup>>();

  const record = (action: Action, examples: Map<string, Example[]>, setup?: Setup) => {
    const mine = found.get(action.name) ?? new Map<string, Example>();
    for (const [key, list] of examples) {
      if (mine.has(key)) continue;
      mine.set(key, key === "ok" || key === TELLING ? bestSuccess(action, list) : list[0]);
      if (setup) setupOf.get(action.name)!.set(key, setup);
    }
    found.set(action.name, mine);
  };

  for (const action of spec.actions) {
    setupOf.set(action.name, new Map());
    const wanted = new Set(["ok", TELLING, ...Object.keys(action.errors ?? {})]);
    const candidates = inputCandidates(spec, action, initial);
    record(
      action,
      explore(
        oracle,
        action,
        initial,
        candidates,
        wanted,
        FIRST_BUDGET,
        jointCandidates(spec, action, initial),
      ),
    );
  }

  // Errors that need a different state (a card already blocked, a slot already taken): try
  // again after one successful call of a state-changing tool.
  const setups: Setup[] = spec.actions.filter(mutates).flatMap((action) => {
    const example = found.get(action.name)!.get("ok");
    return example?.outcome.kind === "ok"
      ? [{ action, args: example.args, state: example.outcome.state }]
      : [];
  });
  for (const action of spec.actions) {
    const mine = found.get(action.name)!;
    const missing = () =>
      new Set(["ok", ...Object.keys(action.errors ?? {})].filter((key) => !mine.has(key)));
    for (const setup of setups.slice(0, MAX_SETUPS)) {
      if (missing().size === 0) break;
      const { state } = setup;
      const examples = explore(
        oracle,
        action,
        state,
        inputCandidates(spec, action, state),
        missing(),
        SETUP_BUDGET,
        jointCandidates(spec, action, state),
      );
      record(action, examples, setup);
    }
    for (const key of missing()) {
      warnings.push(
        key === "ok"
          ? {
              code: "NO_SUCCESS",
              tool: action.name,
              message: `no call of ${action.name} succeeds from the seeded state; check its preconditions and the seed data`,
            }
          : {
              code: "UNREACHABLE_ERROR",
              tool: action.name,
              message: `no call of ${action.name} raised ${key}, even after one setup call; no self-test covers it`,
            },
      );
    }
    const broken = mine.get("broken");
    if (broken?.outcome.kind === "broken") {
      warnings.push({
        code: "BROKEN_CALL",
        tool: action.name,
        message: `${action.name}(${JSON.stringify(broken.args)}) would fail inside the environment: ${broken.outcome.reason}; add a precondition`,
      });
    }
  }

  const tests: SelfTest[] = [];
  const withSeed = (test: SelfTest): SelfTest => (seed === 0 ? test : { ...test, seed });
  for (const action of spec.actions) {
    const mine = found.get(action.name)!;
    const success = mine.get(TELLING) ?? mine.get("ok");
    if (success?.outcome.kind === "ok") {
      const setup = setupOf.get(action.name)!.get(mine.has(TELLING) ? TELLING : "ok");
      tests.push(withSeed(successTest(spec, action, success, setup, setup?.state ?? initial)));
    }
    for (const code of Object.keys(action.errors ?? {})) {
      const example = mine.get(code);
      if (!example) continue;
      const setup = setupOf.get(action.name)!.get(code);
      tests.push(
        withSeed({
          name: `${action.name} raises ${code}${setup ? ` after ${setup.action.name}` : ""}`,
          calls: [
            ...(setup ? [setupCall(setup)] : []),
            { tool: action.name, args: example.args as JsonValue, expect: { error: code } },
          ],
        }),
      );
    }
  }
  tests.push(...readBackTests(spec, found).map(withSeed));
  const scenarios = scenarioTest(spec);
  if (scenarios) tests.push(withSeed(scenarios));
  return { tests, warnings };
}

/** Prefer the success that passes the most optional inputs (it exercises the most code). */
function bestSuccess(action: Action, examples: Example[]): Example {
  const provided = (example: Example) =>
    Object.keys(example.args).filter((name) => action.inputs[name]?.optional).length;
  return examples.reduce((best, example) => (provided(example) > provided(best) ? example : best));
}

function setupCall(setup: Setup): SelfTest["calls"][number] {
  return { tool: setup.action.name, args: setup.args as JsonValue, expect: { ok: true } };
}

/** What the result must contain: a whole record, or the keys (in order) and count of a list. */
function expectedResult(spec: DomainSpec, action: Action, result: Value): JsonValue {
  if (!isQuery(action)) return result as JsonValue;
  const entity = spec.entities.find((e) => e.name === action.entity)!;
  const collection = collectionName(entity);
  const items = (result as Record<string, RecordValue[]>)[collection];
  return {
    [collection]: items.map((item) => ({ [entity.key]: item[entity.key] })),
    count: items.length,
  };
}

function successTest(
  spec: DomainSpec,
  action: Action,
  example: Example,
  setup: Setup | undefined,
  before: StateValue,
): SelfTest {
  if (example.outcome.kind !== "ok")
    throw new Error(`${action.name}: the example is not a success`);
  const after = example.outcome.state as JsonValue;
  const changes = new Map<string, JsonValue>();
  for (const op of diffState(before as JsonValue, after)) {
    if (op.op === "add" || op.op === "replace") changes.set(op.path, op.value);
    if (op.op === "remove") {
      // A state check can only compare values, so a removal is checked on the whole collection.
      const parent = op.path.slice(0, op.path.lastIndexOf("/"));
      changes.set(parent, getAtPointer(after, parent) as JsonValue);
    }
  }
  const expectState = [...changes].map(([path, equals]) => ({ path, equals }));
  const result = expectedResult(spec, action, example.outcome.result);
  return {
    name: `${action.name} succeeds${setup ? ` after ${setup.action.name}` : ""}`,
    calls: [
      ...(setup ? [setupCall(setup)] : []),
      { tool: action.name, args: example.args as JsonValue, expect: { ok: true, result } },
    ],
    ...(expectState.length ? { expectState } : {}),
  };
}

/**
 * Records flow between tools by key: what a create tool returns can be read back by the get
 * tool of its entity, and what a delete tool removed can no longer be read. This is the
 * output→input link the task generator's tool graph relies on.
 */
function readBackTests(spec: DomainSpec, found: Map<string, Map<string, Example>>): SelfTest[] {
  const tests: SelfTest[] = [];
  for (const action of spec.actions.filter((a) => a.kind === "create" || a.kind === "delete")) {
    const example = found.get(action.name)?.get("ok");
    if (example?.outcome.kind !== "ok") continue;
    const entity = spec.entities.find((e) => e.name === action.entity)!;
    const record = example.outcome.result as RecordValue;
    const get = spec.actions.find(
      (a) =>
        a.kind === "get" &&
        a.entity === entity.name &&
        Object.entries(a.inputs).every(([name, input]) => name === entity.key || input.optional) &&
        entity.key in a.inputs,
    );
    if (!get) continue;
    const first = {
      tool: action.name,
      args: example.args as JsonValue,
      expect: { ok: true as const },
    };
    const read = { tool: get.name, args: { [entity.key]: record[entity.key] } };
    if (action.kind === "create") {
      tests.push({
        name: `${get.name} reads back what ${action.name} created`,
        calls: [first, { ...read, expect: { ok: true, result: record as JsonValue } }],
      });
      continue;
    }
    const notFound = (get.preconditions ?? []).find(
      (step) => step.step === "load" && step.entity === entity.name,
    );
    if (notFound?.step === "load" && notFound.error) {
      tests.push({
        name: `${get.name} no longer finds what ${action.name} removed`,
        calls: [first, { ...read, expect: { error: notFound.error } }],
      });
    }
  }
  return tests;
}

/** The hand-written seed records are present, under the keys the spec gives them. */
function scenarioTest(spec: DomainSpec): SelfTest | undefined {
  const expectState = spec.entities.flatMap((entity) => {
    const keys = seededKeys(spec, entity);
    return (spec.seed.entities[entity.name]?.records ?? []).flatMap((record, i) =>
      Object.entries(record).map(([field, value]) => ({
        path: `/${collectionName(entity)}/${keys[i]}/${field}`,
        equals: value as JsonValue,
      })),
    );
  });
  return expectState.length
    ? { name: "seed data contains the spec's scenario records", calls: [], expectState }
    : undefined;
}
