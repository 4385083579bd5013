import { defineEnvironment, s, ToolError, type Infer } from "@envfactory/sdk";

const Status = s.enum(["open", "in_progress", "done"]);
const Priority = s.enum(["low", "medium", "high"]);

const Issue = s.object({
  id: s.string(),
  title: s.string(),
  status: Status,
  priority: Priority,
  assignee: s.nullable(s.string()),
  labels: s.array(s.string()),
  created_at: s.string({ format: "date-time" }),
});

const State = s.object({
  users: s.array(s.string()),
  issues: s.record(Issue),
});
type State = Infer<typeof State>;

/** Allowed status changes: work starts before it finishes, and done issues can be reopened. */
const TRANSITIONS: Record<string, string[]> = {
  open: ["in_progress", "done"],
  in_progress: ["open", "done"],
  done: ["open"],
};

function issue(state: State, id: string) {
  const found = state.issues[id];
  if (!found) throw new ToolError("ISSUE_NOT_FOUND", `No issue with id ${id}`);
  return found;
}

export default defineEnvironment({
  name: "tracker",
  version: "1.0.0",
  description:
    "An issue tracker: create, assign, label and move issues through open → in_progress → done.",
  state: State,
  // A function's return type is annotated so that literals like "open" check against the enums.
  initialState: (ctx): State => ({
    users: ["ana", "ben", "chloe"],
    issues: {
      "ISS-1": {
        id: "ISS-1",
        title: "Login page is slow",
        status: "open",
        priority: "high",
        assignee: null,
        labels: ["performance"],
        created_at: ctx.nowIso(),
      },
    },
  }),
  tools: {
    create_issue: {
      description: "Create an open issue.",
      input: s.object({
        title: s.string({ minLength: 1, maxLength: 200 }),
        priority: s.optional(Priority),
        labels: s.optional(s.array(s.string({ minLength: 1 }), { maxItems: 10 })),
      }),
      output: Issue,
      run(state, args, ctx) {
        const id = `ISS-${Object.keys(state.issues).length + 1}`;
        state.issues[id] = {
          id,
          title: args.title,
          status: "open",
          priority: args.priority ?? "medium",
          assignee: null,
          labels: args.labels ?? [],
          created_at: ctx.nowIso(),
        };
        return state.issues[id];
      },
    },
    get_issue: {
      description: "Read one issue.",
      input: s.object({ issue_id: s.string() }),
      output: Issue,
      errors: { ISSUE_NOT_FOUND: "The issue does not exist." },
      readOnly: true,
      run(state, args) {
        return issue(state, args.issue_id);
      },
    },
    search_issues: {
      description: "List issues, optionally filtered by status, assignee or label.",
      input: s.object({
        status: s.optional(Status),
        assignee: s.optional(s.string()),
        label: s.optional(s.string()),
      }),
      output: s.array(Issue),
      readOnly: true,
      run(state, args) {
        return Object.values(state.issues).filter(
          (i) =>
            (args.status === undefined || i.status === args.status) &&
            (args.assignee === undefined || i.assignee === args.assignee) &&
            (args.label === undefined || i.labels.includes(args.label)),
        );
      },
    },
    assign_issue: {
      description: "Assign an issue to a user.",
      input: s.object({ issue_id: s.string(), assignee: s.string() }),
      output: Issue,
      errors: { ISSUE_NOT_FOUND: "The issue does not exist.", UNKNOWN_USER: "No such user." },
      run(state, args) {
        const target = issue(state, args.issue_id);
        if (!state.users.includes(args.assignee))
          throw new ToolError("UNKNOWN_USER", `No user named ${args.assignee}`);
        target.assignee = args.assignee;
        return target;
      },
    },
    update_status: {
      description: "Move an issue to another status (open → in_progress → done; done → open).",
      input: s.object({ issue_id: s.string(), status: Status }),
      output: Issue,
      errors: {
        ISSUE_NOT_FOUND: "The issue does not exist.",
        INVALID_TRANSITION: "The issue cannot move to that status from its current one.",
        UNASSIGNED: "Work cannot start on an issue nobody is assigned to.",
      },
      run(state, args) {
        const target = issue(state, args.issue_id);
        if (!TRANSITIONS[target.status].includes(args.status)) {
          throw new ToolError(
            "INVALID_TRANSITION",
            `Cannot move ${target.id} from ${target.status} to ${args.status}`,
          );
        }
        if (args.status === "in_progress" && target.assignee === null) {
          throw new ToolError("UNASSIGNED", `Assign ${target.id} before starting work on it`);
        }
        target.status = args.status;
        return target;
      },
    },
    add_label: {
      description: "Add a label to an issue (no effect if it is already there).",
      input: s.object({ issue_id: s.string(), label: s.string({ minLength: 1 }) }),
      output: Issue,
      errors: { ISSUE_NOT_FOUND: "The issue does not exist." },
      run(state, args) {
        const target = issue(state, args.issue_id);
        if (!target.labels.includes(args.label)) target.labels.push(args.label);
        return target;
      },
    },
  },
});
