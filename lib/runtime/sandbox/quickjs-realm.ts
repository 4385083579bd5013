import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import { MODULE_GLOBAL } from "../compile/compile";
import type { ObservationError } from "../types";
import type { CallAnswer, ResetAnswer } from "./backend";
import { GUEST_JS } from "./guest/bundle.generated";
import type { SandboxLimits } from "./limits";
import type { WasmModule } from "./wasm-modules";

/** QuickJS's own stack limit; deeper native recursion overflows the host stack first. */
const MAX_STACK_BYTES = 256 * 1024;
/** Headroom between QuickJS's heap limit and the WebAssembly memory cap (stack, static data). */
const HEAP_HEADROOM_BYTES = 8 * 1024 * 1024;
const SETUP_DEADLINE_MS = 2000;

/** The realm died in a way that leaves the WebAssembly module unusable. */
export class RealmCrash extends Error {
  constructor(
    readonly error: ObservationError,
    /** For a module that failed to load: the guest's own error code (e.g. `ENV_TIMEOUT`). */
    readonly guestCode?: string,
  ) {
    super(error.message);
  }
}

/**
 * One QuickJS runtime + context holding the guest dispatcher and one environment.
 * Throws `RealmCrash` when the module must be thrown away; the owner replaces it.
 */
export class QuickJSRealm {
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private readonly fns: Record<"reset" | "call" | "restore" | "drop", QuickJSHandle>;
  private deadline = Infinity;
  /** Set after out-of-memory: the realm still answers but should be replaced. */
  tainted = false;
  readonly description: string;

  constructor(
    private readonly wasm: WasmModule,
    code: string,
    private readonly limits: SandboxLimits,
  ) {
    this.runtime = wasm.module.newRuntime();
    this.runtime.setMemoryLimit(wasm.maxBytes - HEAP_HEADROOM_BYTES);
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setInterruptHandler(() => performance.now() > this.deadline);
    this.context = this.runtime.newContext();
    // Setting up the realm is our code, not the environment's: give it a generous deadline.
    this.arm(SETUP_DEADLINE_MS);
    this.evalOrThrow(GUEST_JS).dispose();
    const guest = this.context.getProp(this.context.global, "__envfGuest");
    const fn = (name: string) => this.context.getProp(guest, name);
    this.fns = { reset: fn("reset"), call: fn("call"), restore: fn("restore"), drop: fn("drop") };
    const seal = fn("seal");
    const install = fn("install");
    guest.dispose();
    this.invoke(
      seal,
      JSON.stringify({ outputChars: limits.outputBytes, stateChars: limits.stateBytes }),
    );
    seal.dispose();
    this.arm();
    // The compiled module becomes a factory: each reset evaluates it afresh.
    // "use strict" as in any ES module: writes to frozen built-ins throw instead of doing nothing.
    const factory = this.evalOrThrow(
      `(function () {\n"use strict";\n${code}\n;return ${MODULE_GLOBAL};\n})`,
    );
    try {
      this.description = this.invoke(install, factory) ?? "";
    } catch (error) {
      if (error instanceof EscapedError)
        throw new RealmCrash(
          { code: "ENV_LOAD_FAILED", message: error.error.message },
          error.error.code,
        );
      throw error;
    } finally {
      factory.dispose();
      install.dispose();
    }
  }

  private arm(ms = this.limits.timeoutMs): void {
    this.deadline = performance.now() + ms;
  }

  private evalOrThrow(code: string): QuickJSHandle {
    const result = this.context.evalCode(code, "envfactory.js");
    if (result.error) {
      const message = JSON.stringify(this.context.dump(result.error));
      result.error.dispose();
      throw new RealmCrash({ code: "ENV_LOAD_FAILED", message: `loading failed: ${message}` });
    }
    return result.value;
  }

  /** Calls a guest function; returns its string answer, or an error for escaped exceptions. */
  private invoke(
    fn: QuickJSHandle,
    ...args: (string | number | null | QuickJSHandle)[]
  ): string | undefined {
    const ctx = this.context;
    const owned: QuickJSHandle[] = [];
    const handles = args.map((arg) => {
      if (arg !== null && typeof arg === "object") return arg;
      const handle =
        arg === null ? ctx.null : typeof arg === "number" ? ctx.newNumber(arg) : ctx.newString(arg);
      owned.push(handle);
      return handle;
    });
    const pagesBefore = this.wasm.memory.buffer.byteLength;
    let result;
    try {
      result = ctx.callFunction(fn, ctx.undefined, ...handles);
    } catch (error) {
      // A host exception unwinding through WebAssembly leaves the module in an unknown state.
      const overflow = error instanceof RangeError;
      throw new RealmCrash({
        code: overflow ? "ENV_STACK_OVERFLOW" : "ENV_CRASHED",
        message: overflow
          ? "Recursion went deeper than the sandbox stack allows"
          : `The sandbox crashed and was replaced: ${String(error).slice(0, 300)}`,
      });
    } finally {
      for (const handle of owned) if (handle.alive) handle.dispose();
    }
    if (result.error) {
      const dumped: unknown = ctx.dump(result.error);
      result.error.dispose();
      throw new EscapedError(this.classifyEscaped(dumped, pagesBefore));
    }
    const text = ctx.typeof(result.value) === "string" ? ctx.getString(result.value) : undefined;
    result.value.dispose();
    return text;
  }

  /** Errors that got past the guest's own try/catch: interrupts and allocation failures. */
  private classifyEscaped(dumped: unknown, bytesBefore: number): ObservationError {
    const text =
      typeof dumped === "object" && dumped !== null
        ? String((dumped as { message?: unknown }).message)
        : String(dumped);
    if (text.includes("interrupted")) {
      return {
        code: "ENV_TIMEOUT",
        message: `The tool ran longer than ${this.limits.timeoutMs} ms`,
      };
    }
    if (
      dumped === null ||
      text.includes("out of memory") ||
      this.wasm.memory.buffer.byteLength > bytesBefore
    ) {
      this.tainted = true;
      return { code: "ENV_OUT_OF_MEMORY", message: `The environment exceeded its memory cap` };
    }
    return { code: "ENV_RUNTIME_ERROR", message: text.slice(0, 1000) };
  }

  reset(key: string, seed: number, nowMs: number, stateJson: string | null): ResetAnswer {
    this.arm();
    try {
      return this.parseAnswer(
        this.invoke(this.fns.reset, key, seed, nowMs, stateJson),
      ) as ResetAnswer;
    } catch (error) {
      if (error instanceof EscapedError) return { ok: false, error: error.error };
      throw error;
    }
  }

  call(key: string, tool: string, argsJson: string, nowMs: number, step: number): CallAnswer {
    this.arm();
    const bytesBefore = this.wasm.memory.buffer.byteLength;
    try {
      const answer = this.parseAnswer(
        this.invoke(this.fns.call, key, tool, argsJson, nowMs, step),
      ) as CallAnswer;
      if (!answer.ok && answer.error.code === "ENV_THREW_NULL") {
        // QuickJS throws null when it cannot even allocate the out-of-memory error.
        const grew = this.wasm.memory.buffer.byteLength > bytesBefore;
        if (grew) this.tainted = true;
        answer.error = grew
          ? { code: "ENV_OUT_OF_MEMORY", message: "The environment exceeded its memory cap" }
          : { code: "ENV_RUNTIME_ERROR", message: "threw a non-Error value (null)" };
      } else if (!answer.ok && answer.error.code === "ENV_OUT_OF_MEMORY") {
        this.tainted = true;
      }
      return answer;
    } catch (error) {
      if (error instanceof EscapedError) return { ok: false, error: error.error };
      throw error;
    }
  }

  restore(key: string, stateJson: string): void {
    this.arm();
    this.invoke(this.fns.restore, key, stateJson);
  }

  drop(key: string): void {
    this.arm();
    this.invoke(this.fns.drop, key);
  }

  private parseAnswer(text: string | undefined): CallAnswer | ResetAnswer {
    if (text === undefined)
      throw new RealmCrash({ code: "ENV_CRASHED", message: "The sandbox gave no answer" });
    return JSON.parse(text) as CallAnswer;
  }

  /** Frees the module; a crashed module may throw while freeing, which is then ignored. */
  dispose(): void {
    try {
      for (const fn of Object.values(this.fns)) fn.dispose();
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      // An aborted module cannot free itself; dropping the references releases its memory.
    }
  }
}

/** An exception that escaped the guest dispatcher but left the realm usable. */
class EscapedError extends Error {
  constructor(readonly error: ObservationError) {
    super(error.message);
  }
}
