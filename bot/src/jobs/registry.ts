import { JOB_NAMES, type Job, type JobName } from './job';

/** The jobs by name: what the scheduler, `POST /api/jobs/:name` and `npm run job` run. */
export class JobRegistry {
  private readonly jobs: ReadonlyMap<JobName, Job>;

  constructor(jobs: readonly Job[]) {
    const map = new Map<JobName, Job>();
    for (const job of jobs) {
      if (map.has(job.name)) throw new RangeError(`Job ${job.name} is registered twice.`);
      map.set(job.name, job);
    }
    const missing = JOB_NAMES.filter((name) => !map.has(name));
    if (missing.length > 0) throw new RangeError(`Jobs missing from the registry: ${missing.join(', ')}.`);
    this.jobs = map;
  }

  /** Every job name, in the contract's order. */
  get names(): readonly JobName[] {
    return JOB_NAMES;
  }

  get(name: JobName): Job {
    const job = this.jobs.get(name);
    if (!job) throw new RangeError(`No job ${name}.`);
    return job;
  }
}

/** Narrows a string (a URL segment, a CLI argument) to a job name. */
export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}
