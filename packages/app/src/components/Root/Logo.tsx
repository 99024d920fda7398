import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8, color: '#fff' },
  svg: { height: 28, width: 28, flexShrink: 0 },
  text: { fontSize: 20, fontWeight: 700, letterSpacing: 0.5 },
});

/** The portal's mark: a gate with a check through it; the word only when the sidebar is open. */
export const Logo = ({ full }: { full: boolean }) => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <svg className={classes.svg} viewBox="0 0 32 32" aria-hidden="true">
        <rect x="3" y="3" width="26" height="26" rx="6" fill="#7df3e1" />
        <path
          d="M9 16.5l4.5 4.5L23 11.5"
          stroke="#151515"
          strokeWidth="3.2"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {full && <span className={classes.text}>Readiness</span>}
    </span>
  );
};
