-- wrk: the no-op POST /api/ping with the body of predict-one.lua (the floor under single-row predict)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instances":[[-1.371216493540673,0.19885284256455465,0.13996282968821108,1.6486734733780837,-1.7575517494840955,-0.7831295390965802,0.9736258362164425,-1.110932224412242,2.3856216323424393,-1.1789442221216164]]}'
