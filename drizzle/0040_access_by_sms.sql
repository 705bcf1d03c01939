-- A worker's access can also be sent by SMS (issue 17): the sign-in link goes to the mobile of their record.
ALTER TABLE "access_invitations" DROP CONSTRAINT "access_invitations_channel";--> statement-breakpoint
ALTER TABLE "access_invitations" ADD CONSTRAINT "access_invitations_channel" CHECK ("access_invitations"."channel" IN ('email', 'sms', 'code'));
