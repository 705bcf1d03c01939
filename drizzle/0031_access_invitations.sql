ALTER TABLE "memberships" ADD COLUMN "deactivated_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "long_lived" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "access_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"network_id" uuid,
	"role" text NOT NULL,
	"client_id" uuid,
	"worker_id" uuid,
	"email" text,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_invitations_one_tenant" CHECK (("access_invitations"."organisation_id" IS NOT NULL AND "access_invitations"."network_id" IS NULL AND "access_invitations"."role" <> 'network_coordinator')
       OR ("access_invitations"."network_id" IS NOT NULL AND "access_invitations"."organisation_id" IS NULL AND "access_invitations"."role" = 'network_coordinator')),
	CONSTRAINT "access_invitations_client_bound" CHECK (("access_invitations"."role" = 'client_user') = ("access_invitations"."client_id" IS NOT NULL)),
	CONSTRAINT "access_invitations_worker_bound" CHECK (("access_invitations"."role" = 'worker') = ("access_invitations"."worker_id" IS NOT NULL)),
	CONSTRAINT "access_invitations_email_channel" CHECK ("access_invitations"."channel" <> 'email' OR "access_invitations"."email" IS NOT NULL),
	CONSTRAINT "access_invitations_role" CHECK ("access_invitations"."role" IN ('org_admin', 'placement_officer', 'support_officer', 'accountant', 'client_user', 'worker', 'network_coordinator')),
	CONSTRAINT "access_invitations_channel" CHECK ("access_invitations"."channel" IN ('email', 'code'))
);
--> statement-breakpoint
ALTER TABLE "access_invitations" ADD CONSTRAINT "access_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_invitations" ADD CONSTRAINT "access_invitations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_invitations" ADD CONSTRAINT "access_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_invitations" ADD CONSTRAINT "access_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "access_invitations_token_hash_key" ON "access_invitations" USING btree ("token_hash");
--> statement-breakpoint
CREATE INDEX "access_invitations_organisation_id_index" ON "access_invitations" USING btree ("organisation_id");
--> statement-breakpoint
CREATE INDEX "access_invitations_network_id_index" ON "access_invitations" USING btree ("network_id");
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets" USING btree ("token_hash");
--> statement-breakpoint
CREATE INDEX "password_resets_user_id_created_at_index" ON "password_resets" USING btree ("user_id","created_at");
