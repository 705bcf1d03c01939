CREATE TABLE "outbox_sms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid,
	"to" text NOT NULL,
	"text" text NOT NULL,
	"encoding" text NOT NULL,
	"segments" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"dedupe_key" text,
	"related_type" text,
	"related_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_sms_status" CHECK ("outbox_sms"."status" IN ('pending', 'sent', 'failed', 'captured')),
	CONSTRAINT "outbox_sms_encoding" CHECK ("outbox_sms"."encoding" IN ('gsm7', 'ucs2')),
	CONSTRAINT "outbox_sms_segments" CHECK ("outbox_sms"."segments" >= 1)
);
--> statement-breakpoint
CREATE INDEX "outbox_sms_status_created_at_index" ON "outbox_sms" USING btree ("status","created_at");
--> statement-breakpoint
CREATE INDEX "outbox_sms_organisation_id_worker_id_index" ON "outbox_sms" USING btree ("organisation_id","worker_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_sms_dedupe_key" ON "outbox_sms" USING btree ("organisation_id","dedupe_key");
--> statement-breakpoint
CREATE TABLE "worker_contact_preferences" (
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"channel" text DEFAULT 'both' NOT NULL,
	"sms_opt_out_at" timestamp with time zone,
	"share_position" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_contact_preferences_pkey" PRIMARY KEY ("organisation_id","worker_id"),
	CONSTRAINT "worker_contact_preferences_channel" CHECK ("worker_contact_preferences"."channel" IN ('sms', 'email', 'both'))
);
--> statement-breakpoint
ALTER TABLE "worker_contact_preferences" ADD CONSTRAINT "worker_contact_preferences_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "worker_contact_preferences" ADD CONSTRAINT "worker_contact_preferences_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "shift_clock_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"accuracy_m" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shift_clock_events_kind" CHECK ("shift_clock_events"."kind" IN ('arrive', 'leave')),
	CONSTRAINT "shift_clock_events_position" CHECK (("shift_clock_events"."lat" IS NULL) = ("shift_clock_events"."lng" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "shift_clock_events" ADD CONSTRAINT "shift_clock_events_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shift_clock_events" ADD CONSTRAINT "shift_clock_events_shift_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "shift_clock_events" ADD CONSTRAINT "shift_clock_events_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "shift_clock_events_shift_kind_key" ON "shift_clock_events" USING btree ("shift_id","worker_id","kind");
--> statement-breakpoint
CREATE INDEX "shift_clock_events_organisation_id_worker_id_index" ON "shift_clock_events" USING btree ("organisation_id","worker_id");
