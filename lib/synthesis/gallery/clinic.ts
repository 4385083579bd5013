import type { DomainSpec } from "../spec/schema";

/** Clinic front desk: book, cancel, check in and complete appointments. */
export const clinic: DomainSpec = {
  specVersion: 1,
  name: "clinic",
  title: "Clinic appointments",
  summary:
    "Book patients into doctors' daily slots, respecting capacity and cancellation notice; check them in and complete visits.",
  description:
    "A clinic's front desk. A doctor sees patients in numbered slots (slot 0 is 08:00, each slot 30 minutes) and takes at most their daily capacity. A slot holds one booked appointment, and a patient cannot be in two places at once. Appointments cannot be booked in the past, and must be cancelled at least the notice period ahead. On the day, the patient is checked in and the visit is then completed with notes.",
  entities: [
    {
      name: "Patient",
      description: "A registered patient.",
      key: "patient_id",
      keyPrefix: "PAT",
      fields: {
        patient_id: { type: "string" },
        full_name: { type: "string" },
        email: { type: "string" },
        phone: { type: "string" },
        date_of_birth: { type: "date" },
        insurance: { type: "enum", values: ["none", "basic", "premium"] },
      },
      relations: [{ name: "appointments", entity: "Appointment", field: "patient_id" }],
    },
    {
      name: "Doctor",
      description: "A doctor holding consultations.",
      key: "doctor_id",
      keyPrefix: "DOC",
      fields: {
        doctor_id: { type: "string" },
        full_name: { type: "string" },
        specialty: { type: "enum", values: ["general", "cardiology", "dermatology", "pediatrics"] },
        daily_capacity: { type: "integer", min: 1, description: "Most appointments per day." },
        accepting_patients: { type: "boolean" },
      },
      relations: [{ name: "appointments", entity: "Appointment", field: "doctor_id" }],
    },
    {
      name: "Appointment",
      description: "A patient's visit to a doctor in one slot of one day.",
      key: "appointment_id",
      keyPrefix: "APT",
      fields: {
        appointment_id: { type: "string" },
        patient_id: { type: "reference", entity: "Patient" },
        doctor_id: { type: "reference", entity: "Doctor" },
        date: { type: "date" },
        slot: {
          type: "integer",
          min: 0,
          max: 15,
          description: "0 = 08:00, 1 = 08:30, … 15 = 15:30.",
        },
        reason: { type: "string" },
        status: { type: "enum", values: ["booked", "checked_in", "completed", "cancelled"] },
        notes: { type: "string", optional: true },
      },
    },
  ],
  rules: [
    {
      kind: "limit",
      name: "cancellation_notice_days",
      value: 1,
      description: "Appointments must be cancelled at least this many days ahead.",
    },
  ],
  actions: [
    {
      name: "search_patients",
      kind: "search",
      entity: "Patient",
      description: "Find patients by name, email or phone.",
      inputs: { query: { type: "string" } },
      search: { input: "query", fields: ["full_name", "email", "phone"] },
      phrase: 'Find patient "{query}"',
    },
    {
      name: "get_patient",
      kind: "get",
      entity: "Patient",
      description: "Read a patient record.",
      inputs: { patient_id: { type: "reference", entity: "Patient" } },
      preconditions: [
        {
          step: "load",
          as: "patient",
          entity: "Patient",
          key: "input.patient_id",
          error: "PATIENT_NOT_FOUND",
        },
      ],
      errors: { PATIENT_NOT_FOUND: "No patient {patient_id}." },
      phrase: "Open the record of patient {patient_id}",
    },
    {
      name: "list_doctors",
      kind: "list",
      entity: "Doctor",
      description: "List doctors, optionally of one specialty or only those accepting patients.",
      inputs: {
        specialty: {
          type: "enum",
          values: ["general", "cardiology", "dermatology", "pediatrics"],
          optional: true,
        },
        accepting_patients: { type: "boolean", optional: true },
      },
      filters: [{ input: "specialty" }, { input: "accepting_patients" }],
      phrase: "Find a {specialty} doctor",
    },
    {
      name: "list_appointments",
      kind: "list",
      entity: "Appointment",
      description: "List appointments, optionally for one doctor, patient, date or status.",
      inputs: {
        doctor_id: { type: "reference", entity: "Doctor", optional: true },
        patient_id: { type: "reference", entity: "Patient", optional: true },
        date: { type: "date", optional: true },
        status: {
          type: "enum",
          values: ["booked", "checked_in", "completed", "cancelled"],
          optional: true,
        },
      },
      filters: [
        { input: "doctor_id" },
        { input: "patient_id" },
        { input: "date" },
        { input: "status" },
      ],
      phrase: "Show doctor {doctor_id}'s appointments on {date}",
    },
    {
      name: "book_appointment",
      kind: "create",
      entity: "Appointment",
      description: "Book a patient into a free slot of a doctor's day.",
      inputs: {
        patient_id: { type: "reference", entity: "Patient" },
        doctor_id: { type: "reference", entity: "Doctor" },
        date: { type: "date" },
        slot: { type: "integer", min: 0, max: 15 },
        reason: { type: "string" },
      },
      preconditions: [
        {
          step: "load",
          as: "patient",
          entity: "Patient",
          key: "input.patient_id",
          error: "PATIENT_NOT_FOUND",
        },
        {
          step: "load",
          as: "doctor",
          entity: "Doctor",
          key: "input.doctor_id",
          error: "DOCTOR_NOT_FOUND",
        },
        { step: "require", that: "doctor.accepting_patients", error: "DOCTOR_NOT_ACCEPTING" },
        { step: "require", that: "input.date >= today()", error: "DATE_IN_PAST" },
        {
          step: "forbid",
          entity: "Appointment",
          where:
            "it.doctor_id == input.doctor_id && it.date == input.date && it.slot == input.slot && it.status != 'cancelled'",
          error: "SLOT_TAKEN",
        },
        {
          step: "forbid",
          entity: "Appointment",
          where:
            "it.patient_id == input.patient_id && it.date == input.date && it.slot == input.slot && it.status != 'cancelled'",
          error: "PATIENT_DOUBLE_BOOKED",
        },
        {
          step: "aggregate",
          as: "booked_that_day",
          op: "count",
          entity: "Appointment",
          where:
            "it.doctor_id == input.doctor_id && it.date == input.date && it.status != 'cancelled'",
        },
        {
          step: "require",
          that: "booked_that_day < doctor.daily_capacity",
          error: "DOCTOR_FULLY_BOOKED",
        },
      ],
      effects: [
        {
          effect: "create",
          entity: "Appointment",
          as: "appointment",
          values: { status: "'booked'", notes: "null" },
        },
      ],
      errors: {
        PATIENT_NOT_FOUND: "No patient {patient_id}.",
        DOCTOR_NOT_FOUND: "No doctor {doctor_id}.",
        DOCTOR_NOT_ACCEPTING: "Doctor {doctor_id} is not taking appointments.",
        DATE_IN_PAST: "{date} is in the past.",
        SLOT_TAKEN: "Doctor {doctor_id} already has an appointment in slot {slot} on {date}.",
        PATIENT_DOUBLE_BOOKED:
          "Patient {patient_id} already has an appointment in slot {slot} on {date}.",
        DOCTOR_FULLY_BOOKED: "Doctor {doctor_id} is fully booked on {date}.",
      },
      phrase:
        "Book patient {patient_id} with doctor {doctor_id} on {date} in slot {slot} for {reason}",
    },
    {
      name: "cancel_appointment",
      kind: "update",
      entity: "Appointment",
      description: "Cancel a booked appointment, at least the notice period before its date.",
      inputs: { appointment_id: { type: "reference", entity: "Appointment" } },
      preconditions: [
        {
          step: "load",
          as: "appointment",
          entity: "Appointment",
          key: "input.appointment_id",
          error: "APPOINTMENT_NOT_FOUND",
        },
        { step: "require", that: "appointment.status == 'booked'", error: "NOT_CANCELLABLE" },
        {
          step: "require",
          that: "days_between(today(), appointment.date) >= rules.cancellation_notice_days",
          error: "TOO_LATE_TO_CANCEL",
        },
      ],
      effects: [{ effect: "set", target: "appointment", field: "status", value: "'cancelled'" }],
      errors: {
        APPOINTMENT_NOT_FOUND: "No appointment {appointment_id}.",
        NOT_CANCELLABLE:
          "Appointment {appointment_id} is not booked (already cancelled, checked in or completed).",
        TOO_LATE_TO_CANCEL: "Appointment {appointment_id} is too soon to cancel.",
      },
      phrase: "Cancel appointment {appointment_id}",
    },
    {
      name: "check_in_patient",
      kind: "update",
      entity: "Appointment",
      description: "Check in the patient of today's booked appointment.",
      inputs: { appointment_id: { type: "reference", entity: "Appointment" } },
      preconditions: [
        {
          step: "load",
          as: "appointment",
          entity: "Appointment",
          key: "input.appointment_id",
          error: "APPOINTMENT_NOT_FOUND",
        },
        { step: "require", that: "appointment.status == 'booked'", error: "NOT_BOOKED" },
        { step: "require", that: "appointment.date == today()", error: "NOT_TODAY" },
      ],
      effects: [{ effect: "set", target: "appointment", field: "status", value: "'checked_in'" }],
      errors: {
        APPOINTMENT_NOT_FOUND: "No appointment {appointment_id}.",
        NOT_BOOKED: "Appointment {appointment_id} is not a booked appointment.",
        NOT_TODAY: "Appointment {appointment_id} is not today.",
      },
      phrase: "Check in the patient for appointment {appointment_id}",
    },
    {
      name: "complete_appointment",
      kind: "update",
      entity: "Appointment",
      description: "Finish a visit the patient is checked in for, with the doctor's notes.",
      inputs: {
        appointment_id: { type: "reference", entity: "Appointment" },
        notes: { type: "string" },
      },
      preconditions: [
        {
          step: "load",
          as: "appointment",
          entity: "Appointment",
          key: "input.appointment_id",
          error: "APPOINTMENT_NOT_FOUND",
        },
        { step: "require", that: "appointment.status == 'checked_in'", error: "NOT_CHECKED_IN" },
      ],
      effects: [
        { effect: "set", target: "appointment", field: "status", value: "'completed'" },
        { effect: "patch", target: "appointment" },
      ],
      errors: {
        APPOINTMENT_NOT_FOUND: "No appointment {appointment_id}.",
        NOT_CHECKED_IN: "The patient of appointment {appointment_id} has not checked in.",
      },
      phrase: "Complete appointment {appointment_id} with notes: {notes}",
    },
  ],
  seed: {
    today: "2025-06-02",
    entities: {
      Patient: {
        count: 10,
        fields: {
          full_name: { gen: "person_name" },
          email: { gen: "email", from: "full_name" },
          phone: { gen: "phone" },
          date_of_birth: { gen: "date", from: "1940-01-01", to: "2020-12-31" },
          insurance: { gen: "pick", values: ["none", "basic", "basic", "premium"] },
        },
      },
      Doctor: {
        count: 0,
        records: [
          {
            full_name: "Dr. Amara Okafor",
            specialty: "general",
            daily_capacity: 3,
            accepting_patients: true,
          },
          {
            full_name: "Dr. Jonas Berg",
            specialty: "cardiology",
            daily_capacity: 6,
            accepting_patients: true,
          },
          {
            full_name: "Dr. Priya Patel",
            specialty: "dermatology",
            daily_capacity: 8,
            accepting_patients: false,
          },
          {
            full_name: "Dr. Wei Zhang",
            specialty: "pediatrics",
            daily_capacity: 10,
            accepting_patients: true,
          },
        ],
      },
      Appointment: {
        count: 6,
        records: [
          {
            patient_id: "PAT-0001",
            doctor_id: "DOC-0001",
            date: "2025-06-02",
            slot: 2,
            reason: "Persistent cough",
            status: "booked",
          },
          {
            patient_id: "PAT-0002",
            doctor_id: "DOC-0001",
            date: "2025-06-04",
            slot: 0,
            reason: "Check-up",
            status: "booked",
          },
          {
            patient_id: "PAT-0003",
            doctor_id: "DOC-0001",
            date: "2025-06-04",
            slot: 1,
            reason: "Back pain",
            status: "booked",
          },
          {
            patient_id: "PAT-0004",
            doctor_id: "DOC-0001",
            date: "2025-06-04",
            slot: 2,
            reason: "Vaccination",
            status: "booked",
          },
          {
            patient_id: "PAT-0005",
            doctor_id: "DOC-0002",
            date: "2025-06-02",
            slot: 4,
            reason: "Palpitations",
            status: "checked_in",
          },
          {
            patient_id: "PAT-0006",
            doctor_id: "DOC-0004",
            date: "2025-06-09",
            slot: 6,
            reason: "Fever",
            status: "booked",
          },
        ],
        fields: {
          patient_id: { gen: "ref" },
          doctor_id: { gen: "pick", values: ["DOC-0002", "DOC-0004"] },
          date: { gen: "date", from: "2025-05-15", to: "2025-06-30" },
          slot: { gen: "integer", min: 0, max: 15 },
          reason: {
            gen: "pick",
            values: ["Check-up", "Follow-up", "Rash", "Blood test results", "Allergy consult"],
          },
          status: { gen: "pick", values: ["booked", "completed", "cancelled"] },
        },
      },
    },
  },
};
