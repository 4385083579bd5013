/**
 * Locks down the sandbox's realm before environment code runs: built-ins and `globalThis` are
 * frozen so one session cannot change what another session (or the next episode) sees.
 */

/** Data properties commonly assigned on instances; frozen as data, such assignments would fail. */
const OVERRIDABLE: [object, string[]][] = [
  [
    Object.prototype,
    [
      "constructor",
      "toString",
      "toLocaleString",
      "valueOf",
      "hasOwnProperty",
      "isPrototypeOf",
      "propertyIsEnumerable",
    ],
  ],
  [Error.prototype, ["constructor", "name", "message", "toString"]],
  [Array.prototype, ["constructor", "toString"]],
  [Function.prototype, ["toString"]],
];

/**
 * Turns a frozen prototype's data property into an accessor whose setter defines an own
 * property on the receiver (the "override mistake" fix used by SES).
 */
function makeOverridable(proto: object, key: string): void {
  const desc = Object.getOwnPropertyDescriptor(proto, key);
  if (!desc || !("value" in desc)) return;
  const value = desc.value;
  Object.defineProperty(proto, key, {
    configurable: false,
    enumerable: desc.enumerable,
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}'`);
      Object.defineProperty(this, key, {
        value: next,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    },
  });
}

/** Intrinsics that are not reachable by walking properties from `globalThis`. */
function hiddenIntrinsics(): unknown[] {
  const proto = Object.getPrototypeOf;
  return [
    proto(function* () {}),
    proto(async function () {}),
    proto(async function* () {}),
    proto([][Symbol.iterator]()),
    proto(new Map()[Symbol.iterator]()),
    proto(new Set()[Symbol.iterator]()),
    proto(""[Symbol.iterator]()),
    proto(/x/[Symbol.matchAll]("")),
    proto(proto([][Symbol.iterator]())),
    (function () {
      "use strict";
      return Object.getOwnPropertyDescriptor(Function.prototype, "caller")?.get;
    })(),
  ];
}

export function hardenRealm(): void {
  for (const [proto, keys] of OVERRIDABLE) for (const key of keys) makeOverridable(proto, key);
  for (const name of [
    "EvalError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "TypeError",
    "URIError",
    "AggregateError",
    "InternalError",
  ]) {
    const ctor = (globalThis as Record<string, unknown>)[name] as { prototype: object } | undefined;
    if (ctor)
      for (const key of ["constructor", "name", "message"]) makeOverridable(ctor.prototype, key);
  }
  const seen = new Set<unknown>();
  const queue: unknown[] = [globalThis, ...hiddenIntrinsics()];
  while (queue.length > 0) {
    const item = queue.pop();
    if (item === null || (typeof item !== "object" && typeof item !== "function") || seen.has(item))
      continue;
    seen.add(item);
    for (const key of Reflect.ownKeys(item as object)) {
      const desc = Object.getOwnPropertyDescriptor(item, key);
      if (!desc) continue;
      if ("value" in desc) queue.push(desc.value);
      else queue.push(desc.get, desc.set);
    }
    queue.push(Object.getPrototypeOf(item));
    Object.freeze(item);
  }
}
