import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Daily } from '../types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const BREACH = '#b3261e';
const COMPLETED = '#1b6e3a';

/** Breaches and completions per day as bars; the same numbers as a table for screen readers. */
export function DailyChart({ daily }: { daily: Daily }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const labels = daily.items.map((item) => item.day.slice(5));

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0, color: '#1f2328' } },
          x: { ticks: { color: '#1f2328' } },
        },
        plugins: { legend: { labels: { color: '#1f2328' } } },
      },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = labels;
    current.data.datasets = [
      { label: 'Breaches', data: daily.items.map((item) => item.breaches), backgroundColor: BREACH },
      {
        label: 'Completed steps',
        data: daily.items.map((item) => item.completions),
        backgroundColor: COMPLETED,
      },
    ];
    current.update();
  });

  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Breaches and completed steps per day, last ${daily.items.length} days (${daily.timeZone})`}
        />
      </div>
      <figcaption className="muted">Days in {daily.timeZone}; today last.</figcaption>
      <details>
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Breaches</th>
              <th scope="col">Completed steps</th>
            </tr>
          </thead>
          <tbody>
            {daily.items.map((item) => (
              <tr key={item.day}>
                <td>{item.day}</td>
                <td>{item.breaches}</td>
                <td>{item.completions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
