import { loadEnvironment, createSession } from "@/lib/runtime";
const t0 = performance.now();
const env = await loadEnvironment({ dir: "lib/runtime/examples/bank" });
console.log(
  "load ms",
  (performance.now() - t0).toFixed(1),
  env.manifest.tools.map((t) => t.name),
);
const s = await createSession(env, { seed: 1 });
console.log(JSON.stringify(s.stepSync("withdraw", { account_id: "acc_alice", amount: 500 })));
console.log(JSON.stringify(s.stepSync("withdraw", { account_id: "acc_alice", amount: 500000 })));
console.log(JSON.stringify(s.stepSync("withdraw", { account_id: "acc_alice", amount: -1 })));
console.log(JSON.stringify(s.stepSync("open_account", { owner: "Zed" })));
console.log(JSON.stringify(s.stepSync("nope", {})));
const N = 20000;
const t1 = performance.now();
for (let i = 0; i < N; i++) s.stepSync("deposit", { account_id: "acc_bob", amount: 1 });
console.log("calls/s deposit", Math.round(N / ((performance.now() - t1) / 1000)));
const t2 = performance.now();
for (let i = 0; i < N; i++) s.stepSync("get_balance", { account_id: "acc_bob" });
console.log("calls/s get_balance", Math.round(N / ((performance.now() - t2) / 1000)));
const t3 = performance.now();
for (let i = 0; i < 100; i++) s.resetSync();
console.log("reset ms", ((performance.now() - t3) / 100).toFixed(2));
