import type { DomainSpec } from "../spec/schema";

/** Meeting-room calendar: schedule, move and cancel meetings without double bookings. */
export const calendar: DomainSpec = {
  specVersion: 1,
  name: "calendar",
  title: "Calendar scheduling",
  summary:
    "Book meeting rooms for people's meetings, with conflict checks on rooms and organizers, room capacity and a length limit.",
  description:
    "An office calendar. A meeting takes a room on one date from a start minute to an end minute (minutes after midnight). Two confirmed meetings never overlap in the same room, and an organizer is never in two confirmed meetings at once. Rooms have a capacity, and meetings may not exceed the maximum length. Meetings can be moved to another slot or cancelled.",
  entities: [
    {
      name: "Person",
      plural: "people",
      description: "Someone who organizes meetings.",
      key: "person_id",
      keyPrefix: "PER",
      fields: {
        person_id: { type: "string" },
        full_name: { type: "string" },
        email: { type: "string" },
        team: { type: "enum", values: ["product", "design", "engineering", "marketing"] },
      },
    },
    {
      name: "Room",
      description: "A bookable meeting room.",
      key: "room_id",
      keyPrefix: "ROOM",
      fields: {
        room_id: { type: "string" },
        name: { type: "string" },
        capacity: { type: "integer", min: 1 },
        floor: { type: "integer", min: 0 },
        has_video: { type: "boolean" },
      },
      relations: [{ name: "events", entity: "Event", field: "room_id" }],
    },
    {
      name: "Event",
      description: "A meeting in a room.",
      key: "event_id",
      keyPrefix: "EVT",
      fields: {
        event_id: { type: "string" },
        title: { type: "string" },
        organizer_id: { type: "reference", entity: "Person" },
        room_id: { type: "reference", entity: "Room" },
        date: { type: "date" },
        start_minute: {
          type: "integer",
          min: 0,
          max: 1439,
          description: "Minutes after midnight, e.g. 540 = 09:00.",
        },
        end_minute: { type: "integer", min: 1, max: 1440 },
        attendees: { type: "integer", min: 1 },
        status: { type: "enum", values: ["confirmed", "cancelled"] },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "max_meeting_minutes",
      value: 240,
      description: "Longest meeting allowed, in minutes.",
    },
    {
      kind: "invariant",
      name: "ends_after_start",
      entity: "Event",
      that: "it.end_minute > it.start_minute",
      description: "A meeting ends after it starts.",
    },
  ],
  actions: [
    {
      name: "list_rooms",
      kind: "list",
      entity: "Room",
      description:
        "List rooms, optionally only those seating at least a number of people or with video.",
      inputs: {
        min_capacity: { type: "integer", min: 1, optional: true },
        has_video: { type: "boolean", optional: true },
      },
      filters: [{ input: "min_capacity", field: "capacity", op: "gte" }, { input: "has_video" }],
      phrase: "Find rooms for at least {min_capacity} people",
    },
    {
      name: "search_people",
      kind: "search",
      entity: "Person",
      description: "Find people by name or email.",
      inputs: { query: { type: "string" } },
      search: { input: "query", fields: ["full_name", "email"] },
      phrase: 'Find the person called "{query}"',
    },
    {
      name: "list_events",
      kind: "list",
      entity: "Event",
      description: "List meetings on a date, optionally in one room or by one organizer.",
      inputs: {
        date: { type: "date" },
        room_id: { type: "reference", entity: "Room", optional: true },
        organizer_id: { type: "reference", entity: "Person", optional: true },
      },
      filters: [{ input: "date" }, { input: "room_id" }, { input: "organizer_id" }],
      phrase: "Show the meetings on {date} in room {room_id}",
    },
    {
      name: "get_event",
      kind: "get",
      entity: "Event",
      description: "Read a meeting.",
      inputs: { event_id: { type: "reference", entity: "Event" } },
      preconditions: [
        {
          step: "load",
          as: "event",
          entity: "Event",
          key: "input.event_id",
          error: "EVENT_NOT_FOUND",
        },
      ],
      errors: { EVENT_NOT_FOUND: "No meeting {event_id}." },
      phrase: "Look up meeting {event_id}",
    },
    {
      name: "schedule_event",
      kind: "create",
      entity: "Event",
      description:
        "Book a room for a meeting. Fails when the room or the organizer is already busy at that time.",
      inputs: {
        title: { type: "string" },
        organizer_id: { type: "reference", entity: "Person" },
        room_id: { type: "reference", entity: "Room" },
        date: { type: "date" },
        start_minute: { type: "integer", min: 0, max: 1439 },
        end_minute: { type: "integer", min: 1, max: 1440 },
        attendees: { type: "integer", min: 1, max: 200 },
      },
      preconditions: [
        {
          step: "load",
          as: "organizer",
          entity: "Person",
          key: "input.organizer_id",
          error: "PERSON_NOT_FOUND",
        },
        { step: "load", as: "room", entity: "Room", key: "input.room_id", error: "ROOM_NOT_FOUND" },
        {
          step: "require",
          that: "input.end_minute > input.start_minute",
          error: "INVALID_TIME_RANGE",
        },
        {
          step: "require",
          that: "input.end_minute - input.start_minute <= rules.max_meeting_minutes",
          error: "MEETING_TOO_LONG",
        },
        { step: "require", that: "input.attendees <= room.capacity", error: "ROOM_TOO_SMALL" },
        {
          step: "forbid",
          entity: "Event",
          where:
            "it.room_id == input.room_id && it.date == input.date && it.status == 'confirmed' && it.start_minute < input.end_minute && it.end_minute > input.start_minute",
          error: "ROOM_CONFLICT",
        },
        {
          step: "forbid",
          entity: "Event",
          where:
            "it.organizer_id == input.organizer_id && it.date == input.date && it.status == 'confirmed' && it.start_minute < input.end_minute && it.end_minute > input.start_minute",
          error: "ORGANIZER_BUSY",
        },
      ],
      effects: [
        { effect: "create", entity: "Event", as: "event", values: { status: "'confirmed'" } },
      ],
      errors: {
        PERSON_NOT_FOUND: "No person {organizer_id}.",
        ROOM_NOT_FOUND: "No room {room_id}.",
        INVALID_TIME_RANGE: "A meeting must end after it starts.",
        MEETING_TOO_LONG: "Meetings may last at most the maximum length.",
        ROOM_TOO_SMALL: "Room {room_id} does not seat {attendees} people.",
        ROOM_CONFLICT: "Room {room_id} is already booked on {date} at that time.",
        ORGANIZER_BUSY: "Organizer {organizer_id} already has a meeting on {date} at that time.",
      },
      phrase:
        'Book room {room_id} on {date} from minute {start_minute} to {end_minute} for "{title}", organized by {organizer_id}',
    },
    {
      name: "reschedule_event",
      kind: "update",
      entity: "Event",
      description: "Move a confirmed meeting to another date and time in the same room.",
      inputs: {
        event_id: { type: "reference", entity: "Event" },
        date: { type: "date" },
        start_minute: { type: "integer", min: 0, max: 1439 },
        end_minute: { type: "integer", min: 1, max: 1440 },
      },
      preconditions: [
        {
          step: "load",
          as: "event",
          entity: "Event",
          key: "input.event_id",
          error: "EVENT_NOT_FOUND",
        },
        { step: "require", that: "event.status == 'confirmed'", error: "EVENT_CANCELLED" },
        {
          step: "require",
          that: "input.end_minute > input.start_minute",
          error: "INVALID_TIME_RANGE",
        },
        {
          step: "require",
          that: "input.end_minute - input.start_minute <= rules.max_meeting_minutes",
          error: "MEETING_TOO_LONG",
        },
        {
          step: "forbid",
          entity: "Event",
          where:
            "it.event_id != event.event_id && it.room_id == event.room_id && it.date == input.date && it.status == 'confirmed' && it.start_minute < input.end_minute && it.end_minute > input.start_minute",
          error: "ROOM_CONFLICT",
        },
      ],
      effects: [{ effect: "patch", target: "event" }],
      errors: {
        EVENT_NOT_FOUND: "No meeting {event_id}.",
        EVENT_CANCELLED: "Meeting {event_id} is cancelled.",
        INVALID_TIME_RANGE: "A meeting must end after it starts.",
        MEETING_TOO_LONG: "Meetings may last at most the maximum length.",
        ROOM_CONFLICT: "The room of meeting {event_id} is taken on {date} at that time.",
      },
      phrase: "Move meeting {event_id} to {date}, minute {start_minute} to {end_minute}",
    },
    {
      name: "cancel_event",
      kind: "update",
      entity: "Event",
      description: "Cancel a confirmed meeting, freeing its room.",
      inputs: { event_id: { type: "reference", entity: "Event" } },
      preconditions: [
        {
          step: "load",
          as: "event",
          entity: "Event",
          key: "input.event_id",
          error: "EVENT_NOT_FOUND",
        },
        { step: "require", that: "event.status == 'confirmed'", error: "ALREADY_CANCELLED" },
      ],
      effects: [{ effect: "set", target: "event", field: "status", value: "'cancelled'" }],
      errors: {
        EVENT_NOT_FOUND: "No meeting {event_id}.",
        ALREADY_CANCELLED: "Meeting {event_id} is already cancelled.",
      },
      phrase: "Cancel meeting {event_id}",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Person: {
        count: 8,
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name", domain: "office.example.com" },
        },
      },
      Room: {
        count: 0,
        records: [
          { name: "Aurora", capacity: 4, floor: 1, has_video: false },
          { name: "Borealis", capacity: 8, floor: 1, has_video: true },
          { name: "Cirrus", capacity: 12, floor: 2, has_video: true },
          { name: "Drift", capacity: 20, floor: 3, has_video: true },
          { name: "Ember", capacity: 6, floor: 3, has_video: false },
        ],
      },
      Event: {
        count: 10,
        records: [
          {
            title: "Sprint planning",
            organizer_id: "PER-0001",
            room_id: "ROOM-0002",
            date: "2025-06-03",
            start_minute: 540,
            end_minute: 600,
            attendees: 6,
            status: "confirmed",
          },
          {
            title: "Design review",
            organizer_id: "PER-0002",
            room_id: "ROOM-0003",
            date: "2025-06-03",
            start_minute: 600,
            end_minute: 690,
            attendees: 9,
            status: "confirmed",
          },
          {
            title: "1:1",
            organizer_id: "PER-0001",
            room_id: "ROOM-0001",
            date: "2025-06-03",
            start_minute: 660,
            end_minute: 690,
            attendees: 2,
            status: "cancelled",
          },
        ],
        fields: {
          title: {
            gen: "pick",
            values: [
              "Standup",
              "Customer call",
              "Roadmap review",
              "Retro",
              "Hiring sync",
              "Budget check-in",
            ],
          },
          organizer_id: { gen: "ref" },
          room_id: { gen: "ref" },
          date: { gen: "date", from: "2025-06-03", to: "2025-06-13" },
          start_minute: { gen: "pick", values: [480, 540, 600, 780, 840, 900] },
          end_minute: { gen: "const", value: 960 },
          attendees: { gen: "integer", min: 2, max: 4 },
          status: { gen: "pick", values: ["confirmed", "confirmed", "confirmed", "cancelled"] },
        },
      },
    },
  },
};
