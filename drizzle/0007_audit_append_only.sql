-- The audit log is append-only: the database refuses to change or remove an entry, whoever asks.
-- Allowed: linking entries written before the hash chain existed (hash was null), blanking the
-- copied actor email when an account is anonymised, and deletion by the retention job, which
-- first archives what it prunes and sets `cop.audit_prune` for its own transaction.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
		IF current_setting('cop.audit_prune', true) = 'on' THEN
			RETURN OLD;
		END IF;
		RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
	END IF;
	IF (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.request_id)
		IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.before, OLD.after, OLD.request_id)
	THEN
		IF OLD.hash IS NULL AND NEW.actor_email IS NOT DISTINCT FROM OLD.actor_email THEN
			RETURN NEW;
		END IF;
		IF NEW.hash IS NOT DISTINCT FROM OLD.hash AND NEW.prev_hash IS NOT DISTINCT FROM OLD.prev_hash AND NEW.actor_email IS NULL THEN
			RETURN NEW;
		END IF;
	END IF;
	RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
