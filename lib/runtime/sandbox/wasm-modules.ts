import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  RELEASE_SYNC,
  type QuickJSWASMModule,
} from "quickjs-emscripten";

/** A QuickJS WebAssembly instance with its own capped memory. */
export interface WasmModule {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  /** The memory's maximum size in bytes. */
  maxBytes: number;
}

const PAGE = 64 * 1024;
/** The QuickJS build declares 16 MiB of initial memory; instantiation fails with less. */
const MIN_PAGES = 256;
/** Emscripten's stderr hook (untyped in the loader options, hence a variable, not a literal). */
const QUIET = { printErr: () => {} } as object;

export async function newWasmModule(memoryBytes: number): Promise<WasmModule> {
  const maximum = Math.max(MIN_PAGES + 64, Math.floor(memoryBytes / PAGE));
  // A dedicated memory per module: QuickJS's own limit misses many small allocations, this cap doesn't.
  const memory = new WebAssembly.Memory({ initial: MIN_PAGES, maximum });
  const quickjs = await newQuickJSWASMModuleFromVariant(
    newVariant(RELEASE_SYNC, {
      wasmMemory: memory,
      // Aborts are reported as observations (ENV_CRASHED); the module's own stderr lines would
      // only repeat them on the host's console.
      emscriptenModule: QUIET,
    }),
  );
  return { module: quickjs, memory, maxBytes: maximum * PAGE };
}

/**
 * Keeps one instantiated module ready per memory size, so a crashed sandbox can be replaced
 * synchronously (instantiation itself is asynchronous and takes ~20 ms).
 */
export class ModuleReserve {
  private spare: WasmModule | null = null;
  private pending: Promise<void> | null = null;

  constructor(private readonly memoryBytes: number) {}

  /** Starts preparing a spare module in the background. */
  warm(): void {
    if (this.spare || this.pending) return;
    this.pending = newWasmModule(this.memoryBytes).then(
      (m) => {
        this.spare = m;
        this.pending = null;
      },
      () => {
        this.pending = null;
      },
    );
  }

  takeSync(): WasmModule | null {
    const taken = this.spare;
    this.spare = null;
    this.warm();
    return taken;
  }

  /** A new module for a new sandbox; the spare stays for crash recovery. */
  async take(): Promise<WasmModule> {
    this.warm();
    return newWasmModule(this.memoryBytes);
  }
}

const reserves = new Map<number, ModuleReserve>();

export function reserveFor(memoryBytes: number): ModuleReserve {
  let reserve = reserves.get(memoryBytes);
  if (!reserve) {
    reserve = new ModuleReserve(memoryBytes);
    reserves.set(memoryBytes, reserve);
  }
  return reserve;
}
