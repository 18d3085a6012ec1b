(window.catalogueData = window.catalogueData || {}).briefing = {"texts":{"river-ships":["船舶需要在航道图上获得分米级北斗定位，以保持在狭窄航道内。",["仅限北斗。"]],"fire-watch":["卫星每30分钟对全市开展一次热点监测。",["剔除农事用火。"]]}};
