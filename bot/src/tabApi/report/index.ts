export { getReport } from './report';
