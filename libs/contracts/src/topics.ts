import { ADT_DLQ_TOPIC } from './adt-dlq-v1';
import { ADT_EVENTS_TOPIC } from './adt-events-v1';
import { CARE_EVENTS_TOPIC } from './care-events-v1';
import { REFERRAL_EVENTS_TOPIC } from './referral-events-v1';

/** Every topic the apps publish to or consume (infra/kafka.sh creates them; KAFKA_TOPICS). */
export const ALL_TOPICS = [ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC, CARE_EVENTS_TOPIC, ADT_DLQ_TOPIC];
