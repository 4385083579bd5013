// A worker process that runs the test job kinds (spawned by tests so they can SIGKILL it).
import { startWorker } from "@/lib/server/jobs/runner";
import { testJobs } from "./test-jobs";

await startWorker({
  concurrency: 1,
  definitions: testJobs as never[],
  log: (line) => console.log(line),
});
console.log("ready");
